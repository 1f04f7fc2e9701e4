import { TRIP_HOURS, type PatientKind } from '@linli/shared-types';

/**
 * Building a day's trips, as a pure function. Times are minutes from the day's midnight
 * (Asia/Shanghai); an interval is [start, end).
 *
 * Seats: a patient who walks takes a seat, one in a wheelchair takes a wheelchair place (and
 * no seat); a companion takes a seat. Patients going at the same pickup time to the same
 * hospital ride together; groups and riders in wheelchairs are placed first (they fit only some
 * vehicles, which others leave free when they can), then
 * those with a companion, then the rest. A trip keeps its vehicle and its driver busy from
 * departure for its longest rider's treatment (TRIP_HOURS), and neither may be in two trips
 * that overlap.
 */

export interface PlanPatient {
  id: number;
  kind: PatientKind;
  hospital: string;
  /** Pickup, minutes from midnight. */
  pickup: number;
  wheelchair: boolean;
  companion: boolean;
}

export interface PlanVehicle {
  id: number;
  driverId: number;
  seats: number;
  wheelchairPlaces: number;
}

/** A trip already stored (of this day or one around it), not cancelled. */
export interface PlanTrip {
  id: number;
  vehicleId: number;
  driverId: number;
  hospital: string;
  start: number;
  end: number;
  /** Only a trip still PLANNED takes more riders. */
  open: boolean;
  riders: PlanPatient[];
}

export interface NewTrip {
  vehicleId: number;
  driverId: number;
  hospital: string;
  start: number;
  end: number;
  riders: PlanPatient[];
}

export interface Plan {
  trips: NewTrip[];
  /** Riders added to trips already stored. */
  joins: { tripId: number; patient: PlanPatient }[];
  unplanned: { patient: PlanPatient; reason: string }[];
}

export type Conflict = 'TRANSPORT_VEHICLE_BUSY' | 'TRANSPORT_DRIVER_BUSY';

interface Slot {
  id?: number;
  vehicleId: number;
  driverId: number;
  start: number;
  end: number;
}

export function seatsOf(p: Pick<PlanPatient, 'wheelchair' | 'companion'>): number {
  return (p.wheelchair ? 0 : 1) + (p.companion ? 1 : 0);
}

export function minutesOf(p: Pick<PlanPatient, 'kind'>): number {
  return TRIP_HOURS[p.kind] * 60;
}

/** Whether these riders fit the vehicle's seats and wheelchair places. */
export function fits(
  vehicle: Pick<PlanVehicle, 'seats' | 'wheelchairPlaces'>,
  riders: readonly Pick<PlanPatient, 'wheelchair' | 'companion'>[],
): boolean {
  const seats = riders.reduce((n, r) => n + seatsOf(r), 0);
  const chairs = riders.filter((r) => r.wheelchair).length;
  return seats <= vehicle.seats && chairs <= vehicle.wheelchairPlaces;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Why this vehicle and driver may not make this trip beside the others (itself left out by id), or null. */
export function conflictOf(candidate: Slot, others: readonly Slot[]): Conflict | null {
  for (const o of others) {
    if (candidate.id !== undefined && o.id === candidate.id) continue;
    if (!overlaps(candidate, o)) continue;
    if (o.vehicleId === candidate.vehicleId) return 'TRANSPORT_VEHICLE_BUSY';
    if (o.driverId === candidate.driverId) return 'TRANSPORT_DRIVER_BUSY';
  }
  return null;
}

function order(a: PlanPatient, b: PlanPatient): number {
  return Number(b.wheelchair) - Number(a.wheelchair) || Number(b.companion) - Number(a.companion) || a.id - b.id;
}

/**
 * The trips for the patients due that day who do not ride yet: first into a stored trip still
 * planned for the same time and hospital, then into new trips on free vehicles (the one with the
 * most room first). Patients who fit nowhere are returned with the reason.
 */
export function planTrips(patients: readonly PlanPatient[], vehicles: readonly PlanVehicle[], existing: readonly PlanTrip[]): Plan {
  const riding = new Set(existing.flatMap((t) => t.riders.map((r) => r.id)));
  const byKey = new Map<string, PlanPatient[]>();
  for (const p of [...patients].sort((a, b) => a.pickup - b.pickup || a.hospital.localeCompare(b.hospital) || order(a, b))) {
    if (riding.has(p.id)) continue;
    const key = `${p.pickup}|${p.hospital}`;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  // By time; at the same time, groups with a wheelchair first (they fit only some vehicles).
  const chairs = (g: PlanPatient[]): number => g.filter((p) => p.wheelchair).length;
  const groups = [...byKey.values()].sort((a, b) => (a[0] as PlanPatient).pickup - (b[0] as PlanPatient).pickup || chairs(b) - chairs(a));
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  // Every interval that holds a vehicle or driver: stored trips, then the new ones as they are made.
  const stored = existing.map((t) => ({ ...t, riders: [...t.riders] }));
  const fresh: NewTrip[] = [];
  const slots = (): Slot[] => [...stored, ...fresh];
  const plan: Plan = { trips: fresh, joins: [], unplanned: [] };

  for (const group of groups) {
    for (const p of [...group].sort(order)) {
      const end = p.pickup + minutesOf(p);
      const joinable = (t: {
        vehicleId: number;
        driverId: number;
        start: number;
        end: number;
        riders: PlanPatient[];
        id?: number;
      }): boolean => {
        const vehicle = vehicleById.get(t.vehicleId);
        if (!vehicle || !fits(vehicle, [...t.riders, p])) return false;
        const longer = Math.max(t.end, end);
        return longer === t.end || conflictOf({ ...t, end: longer }, slots()) === null;
      };
      const into = stored.find((t) => t.open && t.start === p.pickup && t.hospital === p.hospital && joinable(t));
      if (into) {
        into.riders.push(p);
        into.end = Math.max(into.end, end);
        plan.joins.push({ tripId: into.id, patient: p });
        continue;
      }
      const mine = fresh.find((t) => t.start === p.pickup && t.hospital === p.hospital && joinable(t));
      if (mine) {
        mine.riders.push(p);
        mine.end = Math.max(mine.end, end);
        continue;
      }
      const candidates = vehicles
        .filter((v) => fits(v, [p]))
        .sort(
          // A wheelchair user: the most wheelchair places; anyone else: keep wheelchair vehicles free.
          (a, b) =>
            (p.wheelchair ? b.wheelchairPlaces - a.wheelchairPlaces : a.wheelchairPlaces - b.wheelchairPlaces) ||
            b.seats - a.seats ||
            a.id - b.id,
        );
      const free = candidates.find((v) => conflictOf({ vehicleId: v.id, driverId: v.driverId, start: p.pickup, end }, slots()) === null);
      if (free) {
        fresh.push({ vehicleId: free.id, driverId: free.driverId, hospital: p.hospital, start: p.pickup, end, riders: [p] });
        continue;
      }
      plan.unplanned.push({
        patient: p,
        reason: candidates.length === 0 ? (p.wheelchair ? '没有带轮椅位的车' : '没有坐得下的车') : '这个时间所有的车或司机都有别的接送',
      });
    }
  }
  return plan;
}
