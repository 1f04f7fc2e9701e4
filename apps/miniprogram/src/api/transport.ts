import type {
  BuildDayResult,
  CreateTripRequest,
  FamilyTrips,
  SavePatientRequest,
  SaveVehicleRequest,
  TransportDay,
  TransportPatient,
  TransportTrip,
  TransportVehicle,
  TripState,
  UpdateTripRequest,
} from '@linli/shared-types';
import { request } from './client';

/** Patient transport: staff's patients, vehicles and day board; drivers' trips and steps. */

export function listTransportPatients(): Promise<TransportPatient[]> {
  return request({ path: '/staff/care-transport/patients' });
}

export function saveTransportPatient(id: number | null, body: SavePatientRequest, key?: string): Promise<TransportPatient> {
  return id
    ? request({ method: 'PUT', path: `/staff/care-transport/patients/${id}`, body, idempotencyKey: key })
    : request({ method: 'POST', path: '/staff/care-transport/patients', body, idempotencyKey: key });
}

export function listTransportVehicles(): Promise<TransportVehicle[]> {
  return request({ path: '/staff/care-transport/vehicles' });
}

export function saveTransportVehicle(id: number | null, body: SaveVehicleRequest, key?: string): Promise<TransportVehicle> {
  return id
    ? request({ method: 'PUT', path: `/staff/care-transport/vehicles/${id}`, body, idempotencyKey: key })
    : request({ method: 'POST', path: '/staff/care-transport/vehicles', body, idempotencyKey: key });
}

export function getTransportDay(date: string): Promise<TransportDay> {
  return request({ path: `/staff/care-transport/days/${date}` });
}

export function buildTransportDay(date: string, key?: string): Promise<BuildDayResult> {
  return request({ method: 'POST', path: `/staff/care-transport/days/${date}/build`, idempotencyKey: key });
}

export function createTransportTrip(body: CreateTripRequest, key?: string): Promise<TransportDay> {
  return request({ method: 'POST', path: '/staff/care-transport/trips', body, idempotencyKey: key });
}

export function moveTransportRider(tripId: number, patientId: number, key?: string): Promise<TransportDay> {
  return request({ method: 'POST', path: `/staff/care-transport/trips/${tripId}/riders`, body: { patientId }, idempotencyKey: key });
}

export function cancelTransportTrip(tripId: number, key?: string): Promise<TransportDay> {
  return request({ method: 'POST', path: `/staff/care-transport/trips/${tripId}/cancel`, idempotencyKey: key });
}

export function listDriverTrips(): Promise<TransportTrip[]> {
  return request({ path: '/driver/trips' });
}

export function progressDriverTrip(tripId: number, to: TripState, key?: string): Promise<TransportTrip> {
  return request({ method: 'POST', path: `/driver/trips/${tripId}/progress`, body: { to }, idempotencyKey: key });
}

/** Another vehicle or driver for a planned trip. */
export function updateTransportTrip(tripId: number, body: UpdateTripRequest, key?: string): Promise<TransportDay> {
  return request({ method: 'PUT', path: `/staff/care-transport/trips/${tripId}`, body, idempotencyKey: key });
}

/** This patient stays home that day; the others still ride. */
export function skipTransportRider(tripId: number, patientId: number, note: string, key?: string): Promise<TransportDay> {
  return request({
    method: 'POST',
    path: `/staff/care-transport/trips/${tripId}/riders/${patientId}/skip`,
    body: { note },
    idempotencyKey: key,
  });
}

/** Staff end a trip on the road when its driver cannot. */
export function staffReturnTransportTrip(tripId: number, note: string, key?: string): Promise<TransportDay> {
  return request({ method: 'POST', path: `/staff/care-transport/trips/${tripId}/return`, body: { note }, idempotencyKey: key });
}

/** The household's patients' trips, today and the next days. */
export function getFamilyTrips(): Promise<FamilyTrips> {
  return request({ path: '/care/trips' });
}
