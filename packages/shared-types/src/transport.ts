import type { Flow } from './flow';

/**
 * Patient transport (issue 18): staff register patients who need regular trips (dialysis,
 * chemotherapy) and the community's vehicles with their drivers; the server builds each day's
 * trips (patients grouped per vehicle by pickup time and hospital, within seats and wheelchair
 * places), refuses double bookings, and drivers mark each step, which tells the families.
 */

export const PATIENT_KINDS = ['dialysis', 'chemo', 'other'] as const;
export type PatientKind = (typeof PATIENT_KINDS)[number];
export const PATIENT_KIND_LABELS: Record<PatientKind, string> = { dialysis: '透析', chemo: '化疗', other: '其他治疗' };

/** 1 = Monday … 7 = Sunday (ISO weekdays, in Asia/Shanghai). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** How long a trip keeps its vehicle and driver busy from departure (there, treatment, back). */
export const TRIP_HOURS: Record<PatientKind, number> = { dialysis: 5, chemo: 6, other: 3 };

export const PATIENT_NAME_MAX = 20;
export const HOSPITAL_MAX = 40;
export const PATIENT_NOTE_MAX = 200;
export const VEHICLE_NAME_MAX = 30;
export const VEHICLE_SEATS_MAX = 20;
/** Staff's note when they end a trip or keep one patient home: 「患者留院」. */
export const TRIP_NOTE_MAX = 100;
/** The evening-before reminder goes out at this time (Asia/Shanghai) unless TRANSPORT_REMINDER_TIME says otherwise. */
export const TRANSPORT_REMINDER_TIME = '19:00';

export const TRIP_STATES = ['PLANNED', 'PICKED_UP', 'ARRIVED', 'RETURNED', 'CANCELLED'] as const;
export type TripState = (typeof TRIP_STATES)[number];
export const TRIP_STATE_LABELS: Record<TripState, string> = {
  PLANNED: '待出发',
  PICKED_UP: '已接上',
  ARRIVED: '已到医院',
  RETURNED: '已送回家',
  CANCELLED: '已取消',
};

/**
 * The driver (a volunteer) moves a trip along; staff may cancel one that has not left yet. A trip
 * on the road has a way out without its driver (a phone that died, a patient kept in hospital):
 * staff end it as returned, with a note, recorded as theirs.
 */
export const TRIP_FLOW: Flow<TripState> = {
  PLANNED: { PICKED_UP: ['volunteer'], CANCELLED: ['staff', 'supervisor'] },
  PICKED_UP: { ARRIVED: ['volunteer'], RETURNED: ['staff', 'supervisor'] },
  ARRIVED: { RETURNED: ['volunteer', 'staff', 'supervisor'] },
  RETURNED: {},
  CANCELLED: {},
};

/** The driver's next step: the one button the trip card shows. */
export const TRIP_NEXT: Partial<Record<TripState, { to: TripState; label: string }>> = {
  PLANNED: { to: 'PICKED_UP', label: '已接上' },
  PICKED_UP: { to: 'ARRIVED', label: '已到医院' },
  ARRIVED: { to: 'RETURNED', label: '已送回家' },
};

export interface TransportPatient {
  id: number;
  householdId: number;
  /** Door of the household: 3栋2单元301. */
  door: string;
  name: string;
  kind: PatientKind;
  hospital: string;
  weekdays: Weekday[];
  /** "HH:mm", Asia/Shanghai. */
  pickupTime: string;
  wheelchair: boolean;
  /** A companion rides along and takes a second seat. */
  companion: boolean;
  note: string;
  active: boolean;
}

/** POST /api/staff/care-transport/patients, PUT …/patients/:id */
export interface SavePatientRequest {
  householdId: number;
  name: string;
  kind: PatientKind;
  hospital: string;
  weekdays: Weekday[];
  pickupTime: string;
  wheelchair: boolean;
  companion: boolean;
  note?: string;
  active?: boolean;
}

export interface TransportVehicle {
  id: number;
  name: string;
  plate: string;
  /** Passenger seats (the driver's not counted). */
  seats: number;
  wheelchairPlaces: number;
  driverId: number;
  driverName: string;
  driverPhone: string | null;
  active: boolean;
}

/** POST /api/staff/care-transport/vehicles, PUT …/vehicles/:id */
export interface SaveVehicleRequest {
  name: string;
  plate: string;
  seats: number;
  wheelchairPlaces: number;
  driverId: number;
  active?: boolean;
}

export interface TripRider {
  patientId: number;
  name: string;
  door: string;
  householdId: number;
  wheelchair: boolean;
  companion: boolean;
  pickupTime: string;
}

export interface TransportTrip {
  id: number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  vehicleId: number;
  vehicleName: string;
  plate: string;
  driverId: number;
  driverName: string;
  driverPhone: string | null;
  /** "HH:mm". */
  departTime: string;
  departAt: string;
  busyUntil: string;
  hospital: string;
  state: TripState;
  riders: TripRider[];
  /** Seats taken (a companion counts two) and wheelchair places taken. */
  seatsUsed: number;
  wheelchairsUsed: number;
  pickedUpAt: string | null;
  arrivedAt: string | null;
  returnedAt: string | null;
  /** Who ended the trip: its driver, or staff (the driver could not). */
  returnedBy: 'driver' | 'staff' | null;
  /** Staff's note when they ended it: 「患者留院」. */
  returnNote: string;
}

/** A patient due that day whom staff kept home (the trip goes without them; a build leaves them out). */
export interface SkippedPatient {
  patient: TransportPatient;
  note: string;
}

/** A patient due that day who rides in no trip (shown to staff in red), and why. */
export interface UnplannedPatient {
  patient: TransportPatient;
  reason: string;
}

/** GET /api/staff/care-transport/days/:date */
export interface TransportDay {
  date: string;
  weekday: Weekday;
  trips: TransportTrip[];
  unplanned: UnplannedPatient[];
  /** Kept home that day; moving them into a trip puts them back. */
  skipped: SkippedPatient[];
}

/** POST /api/staff/care-transport/days/:date/build */
export interface BuildDayResult {
  /** Trips created and riders added by this build (0 when the day was already built). */
  tripsCreated: number;
  ridersAdded: number;
  day: TransportDay;
}

/** POST /api/staff/care-transport/trips: a trip by hand. */
export interface CreateTripRequest {
  date: string;
  vehicleId: number;
  departTime: string;
  hospital: string;
  patientIds: number[];
}

/** POST /api/staff/care-transport/trips/:id/riders: move (or add) a patient into this trip. */
export interface MoveRiderRequest {
  patientId: number;
}

/** PUT /api/staff/care-transport/trips/:id: another vehicle or driver for a planned trip (a new vehicle brings its own driver unless one is given). */
export interface UpdateTripRequest {
  vehicleId?: number;
  driverId?: number;
}

/** POST /api/staff/care-transport/trips/:id/return: staff end a trip on the road. */
export interface StaffReturnRequest {
  note?: string;
}

/** POST /api/staff/care-transport/trips/:id/riders/:patientId/skip: this patient stays home that day. */
export interface SkipRiderRequest {
  note?: string;
}

/** A trip as the patient's household sees it (GET /api/care/trips). */
export interface FamilyTrip {
  id: number;
  date: string;
  departTime: string;
  /** The patient's own pickup time. */
  pickupTime: string;
  hospital: string;
  patientId: number;
  patientName: string;
  vehicleName: string;
  plate: string;
  driverName: string;
  driverPhone: string | null;
  state: TripState;
  pickedUpAt: string | null;
  arrivedAt: string | null;
  returnedAt: string | null;
  returnedBy: 'driver' | 'staff' | null;
  returnNote: string;
}

/** GET /api/care/trips: the household's trips from today on; `hasPatient` shows the link on 「我的」. */
export interface FamilyTrips {
  hasPatient: boolean;
  trips: FamilyTrip[];
}

/** POST /api/driver/trips/:id/progress */
export interface TripProgressRequest {
  to: TripState;
}
