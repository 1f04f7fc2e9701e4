import { Injectable } from '@nestjs/common';
import {
  TRIP_FLOW,
  TRIP_NOTE_MAX,
  type BuildDayResult,
  type CreateTripRequest,
  type FamilyTrip,
  type FamilyTrips,
  type PatientKind,
  type SavePatientRequest,
  type SaveVehicleRequest,
  type TransportDay,
  type TransportPatient,
  type TransportTrip,
  type TransportVehicle,
  type TripRider,
  type TripState,
  type UnplannedPatient,
  type UpdateTripRequest,
  type Weekday,
} from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { staffCommunity } from '../../../common/access';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { defineWorkflow, Transitions, type Workflow, type StatefulRow } from '../../../common/workflow';
import { MessagesService } from '../../messages/messages.service';
import { conflictOf, fits, minutesOf, planTrips, type PlanPatient, type PlanTrip, type PlanVehicle } from './trip-planner';
import { shanghaiDay } from '../../../common/shanghai-days';

/**
 * The trip workflow, checked at boot like the others. Its state column is written here by a
 * conditional UPDATE on the state read (raw SQL: care tables have no TypeORM entity), after
 * `Transitions.assertMay` has applied the table.
 */
export const TRIP_WORKFLOW = defineWorkflow('care-trip', TRIP_FLOW, 'PLANNED', 'care_trips') as unknown as Workflow<TripState, StatefulRow>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI = 8 * 60 * MINUTE;

/** Midnight of a YYYY-MM-DD day in Asia/Shanghai, or null for a day that does not exist. */
export function dayStart(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  if (Number.isNaN(ms) || shanghaiDay(ms) !== date) return null;
  return ms;
}

function weekdayOf(start: number): Weekday {
  const d = new Date(start + SHANGHAI).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

function minuteOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const iso = (v: Date | string | null): string | null => (v ? (Db.date(v) as Date).toISOString() : null);
const bool = (v: unknown): boolean => Boolean(Number(v));

interface PatientRow {
  id: number;
  householdId: number;
  name: string;
  kind: PatientKind;
  hospital: string;
  weekdays: string;
  pickupTime: string;
  wheelchair: number | boolean;
  companion: number | boolean;
  note: string;
  active: number | boolean;
  building: string;
  unit: string;
  room: string;
}

interface VehicleRow {
  id: number;
  name: string;
  plate: string;
  seats: number;
  wheelchairPlaces: number;
  driverId: number;
  driverName: string;
  driverPhone: string | null;
  active: number | boolean;
}

interface TripRow {
  id: number;
  date: string;
  vehicleId: number;
  driverId: number;
  departTime: string;
  hospital: string;
  departAt: Date | string;
  busyUntil: Date | string;
  state: TripState;
  pickedUpAt: Date | string | null;
  arrivedAt: Date | string | null;
  returnedAt: Date | string | null;
  returnedBy: number | null;
  returnNote: string | null;
}

const PATIENT_SELECT = `SELECT p.id, p.household_id AS householdId, p.name, p.kind, p.hospital, p.weekdays, p.pickup_time AS pickupTime,
  p.wheelchair, p.companion, p.note, p.active, b.name AS building, h.unit, h.room
  FROM care_patients p JOIN households h ON h.id = p.household_id JOIN buildings b ON b.id = h.building_id`;
const VEHICLE_SELECT = `SELECT v.id, v.name, v.plate, v.seats, v.wheelchair_places AS wheelchairPlaces, v.driver_id AS driverId,
  u.nickname AS driverName, u.phone AS driverPhone, v.active FROM care_vehicles v JOIN users u ON u.id = v.driver_id`;
const TRIP_SELECT = `SELECT t.id, t.date, t.vehicle_id AS vehicleId, t.driver_id AS driverId, t.depart_time AS departTime, t.hospital,
  t.depart_at AS departAt, t.busy_until AS busyUntil, t.state, t.picked_up_at AS pickedUpAt, t.arrived_at AS arrivedAt,
  t.returned_at AS returnedAt, t.returned_by AS returnedBy, t.return_note AS returnNote FROM care_trips t`;

const PROGRESS_TEXT: Partial<Record<TripState, { title: string; body: (name: string, hospital: string) => string }>> = {
  PICKED_UP: { title: '已上车', body: (name, hospital) => `${name}已上车，前往${hospital}` },
  ARRIVED: { title: '已到达医院', body: (name, hospital) => `${name}已到达${hospital}` },
  RETURNED: { title: '已送回家', body: (name) => `${name}已送回家` },
};
/** The household's trips page, where every transport message leads. */
export const FAMILY_LINK = '/care/trips/index';
/** The driver's trips page. */
export const DRIVER_LINK = '/volunteer/trips/index';

const STAMP: Partial<Record<TripState, string>> = {
  PICKED_UP: 'picked_up_at',
  ARRIVED: 'arrived_at',
  RETURNED: 'returned_at',
  CANCELLED: 'cancelled_at',
};

/**
 * Patient transport: patients with their weekly schedule, vehicles with their drivers, and each
 * day's trips.
 *
 * Double bookings. A patient rides once a day: the unique key (patient, date) of the riders
 * decides, so building twice — or two staff at once — adds nobody twice. A vehicle or driver in
 * two overlapping trips is refused by checking the stored trips while every vehicle row of the
 * community is locked (MySQL `FOR UPDATE`, in id order; SQLite has one writer at a time): every
 * command that writes trips takes these locks first, so two staff building or editing at once
 * run one after the other and the second sees the first's trips (the reads after the lock are
 * locking reads too, past the transaction's snapshot). A lock per community rather than per
 * vehicle, because a driver conflict spans vehicles.
 */
@Injectable()
export class TransportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly transitions: Transitions,
  ) {}

  // ---- patients ---------------------------------------------------------------------------

  async patients(actor: Actor): Promise<TransportPatient[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.rows<PatientRow>(`${PATIENT_SELECT} WHERE p.community_id = ? ORDER BY p.active DESC, p.pickup_time, p.id`, [
      communityId,
    ]);
    return rows.map((r) => this.patientView(r));
  }

  async savePatient(actor: Actor, id: number | null, request: SavePatientRequest): Promise<TransportPatient> {
    const communityId = staffCommunity(actor);
    const [household] = await this.db.rows<{ id: number }>('SELECT id FROM households WHERE id = ? AND community_id = ?', [
      request.householdId,
      communityId,
    ]);
    if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    if (id !== null) await this.patientRow(communityId, id);
    const weekdays = [...new Set(request.weekdays)].sort((a, b) => a - b).join('');
    const fields = [
      request.householdId,
      request.name.trim(),
      request.kind,
      request.hospital.trim(),
      weekdays,
      request.pickupTime,
      request.wheelchair,
      request.companion,
      (request.note ?? '').trim(),
      request.active ?? true,
    ];
    const now = this.clock.now();
    const saved = await this.db.transaction(async () => {
      if (id === null) {
        const { insertId } = await this.db.run(
          `INSERT INTO care_patients (household_id, name, kind, hospital, weekdays, pickup_time, wheelchair, companion, note, active, community_id, created_by, created_at, updated_at)
           VALUES (${Db.marks(14)})`,
          [...fields, communityId, actor.userId, now, now],
        );
        await this.audit.record(actor, { action: 'transport.patient.create', targetType: 'care_patient', targetId: insertId });
        return insertId;
      }
      await this.db.run(
        `UPDATE care_patients SET household_id = ?, name = ?, kind = ?, hospital = ?, weekdays = ?, pickup_time = ?, wheelchair = ?, companion = ?, note = ?, active = ?, updated_at = ?
         WHERE id = ? AND community_id = ?`,
        [...fields, now, id, communityId],
      );
      await this.audit.record(actor, { action: 'transport.patient.update', targetType: 'care_patient', targetId: id });
      return id;
    });
    return this.patientView(await this.patientRow(communityId, saved));
  }

  // ---- vehicles ---------------------------------------------------------------------------

  async vehicles(actor: Actor): Promise<TransportVehicle[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.rows<VehicleRow>(`${VEHICLE_SELECT} WHERE v.community_id = ? ORDER BY v.active DESC, v.id`, [communityId]);
    return rows.map((r) => this.vehicleView(r));
  }

  async saveVehicle(actor: Actor, id: number | null, request: SaveVehicleRequest): Promise<TransportVehicle> {
    const communityId = staffCommunity(actor);
    const [driver] = await this.db.rows<{ id: number; phone: string | null }>(
      `SELECT u.id, u.phone FROM users u JOIN role_assignments r ON r.user_id = u.id AND r.community_id = ? AND r.role = 'volunteer' WHERE u.id = ?`,
      [communityId, request.driverId],
    );
    if (!driver) throw new DomainError('TRANSPORT_DRIVER_INVALID');
    if (!driver.phone) throw new DomainError('TRANSPORT_DRIVER_NO_PHONE');
    if (id !== null) await this.vehicleRow(communityId, id);
    const fields = [
      request.name.trim(),
      request.plate.trim().toUpperCase(),
      request.seats,
      request.wheelchairPlaces,
      request.driverId,
      request.active ?? true,
    ];
    const now = this.clock.now();
    const saved = await this.db.transaction(async () => {
      await this.lockVehicles(communityId);
      if (id === null) {
        const { insertId } = await this.db.run(
          `INSERT INTO care_vehicles (name, plate, seats, wheelchair_places, driver_id, active, community_id, created_by, created_at, updated_at) VALUES (${Db.marks(10)})`,
          [...fields, communityId, actor.userId, now, now],
        );
        await this.audit.record(actor, { action: 'transport.vehicle.create', targetType: 'care_vehicle', targetId: insertId });
        return insertId;
      }
      // Trips already planned keep the driver they were planned with; the next builds use the new one.
      await this.db.run(
        `UPDATE care_vehicles SET name = ?, plate = ?, seats = ?, wheelchair_places = ?, driver_id = ?, active = ?, updated_at = ? WHERE id = ? AND community_id = ?`,
        [...fields, now, id, communityId],
      );
      await this.audit.record(actor, { action: 'transport.vehicle.update', targetType: 'care_vehicle', targetId: id });
      return id;
    });
    return this.vehicleView(await this.vehicleRow(communityId, saved));
  }

  // ---- the day ------------------------------------------------------------------------------

  async day(actor: Actor, date: string): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const start = this.parseDay(date);
    const trips = await this.tripViews(
      await this.db.rows<TripRow>(`${TRIP_SELECT} WHERE t.community_id = ? AND t.date = ? ORDER BY t.depart_at, t.id`, [communityId, date]),
    );
    const riding = new Set(trips.filter((t) => t.state !== 'CANCELLED').flatMap((t) => t.riders.map((r) => r.patientId)));
    const due = (await this.duePatients(communityId, start)).filter((p) => !riding.has(Number(p.id)));
    // Why each is left out: what a build would do now (read only).
    const plan =
      due.length === 0
        ? null
        : planTrips(
            due.map((p) => this.planPatient(p)),
            (await this.vehicleRows(communityId)).filter((v) => bool(v.active)).map((v) => this.planVehicle(v)),
            await this.planTripsAround(communityId, start, false),
          );
    const reasons = new Map(plan?.unplanned.map((u) => [u.patient.id, u.reason]) ?? []);
    const unplanned: UnplannedPatient[] = due.map((p) => ({
      patient: this.patientView(p),
      reason: reasons.get(Number(p.id)) ?? '还没有安排车，请点「生成当天行程」',
    }));
    const skips = await this.db.rows<PatientRow & { skipNote: string }>(
      `${PATIENT_SELECT.replace('SELECT ', 'SELECT s.note AS skipNote, ')} JOIN care_trip_skips s ON s.patient_id = p.id WHERE s.community_id = ? AND s.date = ? ORDER BY p.pickup_time, p.id`,
      [communityId, date],
    );
    const skipped = skips.map((r) => ({ patient: this.patientView(r), note: r.skipNote }));
    return { date, weekday: weekdayOf(start), trips, unplanned, skipped };
  }

  /** Builds the day's trips for the patients due that weekday who do not ride yet. */
  async build(actor: Actor, date: string): Promise<BuildDayResult> {
    const communityId = staffCommunity(actor);
    const start = this.parseDay(date);
    const result = await this.db.transaction(async () => {
      const vehicles = (await this.lockVehicles(communityId)).filter((v) => bool(v.active));
      const patients = await this.duePatients(communityId, start);
      const existing = await this.planTripsAround(communityId, start);
      const plan = planTrips(
        patients.map((p) => this.planPatient(p)),
        vehicles.map((v) => ({
          id: Number(v.id),
          driverId: Number(v.driverId),
          seats: Number(v.seats),
          wheelchairPlaces: Number(v.wheelchairPlaces),
        })),
        existing,
      );
      const now = this.clock.now();
      const told: { patient: PlanPatient; tripId: number }[] = [];
      for (const join of plan.joins) {
        if (await this.addRider(join.tripId, join.patient.id, date)) {
          told.push({ patient: join.patient, tripId: join.tripId });
          const trip = existing.find((t) => t.id === join.tripId) as PlanTrip;
          const end = Math.max(trip.end, join.patient.pickup + minutesOf(join.patient));
          await this.db.run('UPDATE care_trips SET busy_until = ? WHERE id = ? AND busy_until < ?', [
            new Date(start + end * MINUTE),
            trip.id,
            new Date(start + end * MINUTE),
          ]);
        }
      }
      let tripsCreated = 0;
      for (const trip of plan.trips) {
        const tripId = await this.insertTrip(communityId, actor.userId, date, start, trip, now);
        let riders = 0;
        for (const p of trip.riders) {
          if (!(await this.addRider(tripId, p.id, date))) continue;
          riders++;
          told.push({ patient: p, tripId });
        }
        // Everyone was placed meanwhile (cannot happen under the lock, but the key decides).
        if (riders === 0) await this.db.run('DELETE FROM care_trips WHERE id = ?', [tripId]);
        else tripsCreated++;
      }
      if (told.length > 0) {
        await this.tellPlanned(
          communityId,
          told.map((t) => ({ patientId: t.patient.id, tripId: t.tripId })),
        );
        await this.audit.record(actor, {
          action: 'transport.day.build',
          targetType: 'care_day',
          targetId: date,
          details: { trips: tripsCreated, riders: told.map((t) => t.patient.id) },
        });
      }
      return { tripsCreated, ridersAdded: told.length };
    });
    return { ...result, day: await this.day(actor, date) };
  }

  /** A trip by hand, with the same checks as a build. */
  async createTrip(actor: Actor, request: CreateTripRequest): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const start = this.parseDay(request.date);
    await this.db.transaction(async () => {
      const vehicle = (await this.lockVehicles(communityId)).find((v) => Number(v.id) === request.vehicleId);
      if (!vehicle) throw new DomainError('TRANSPORT_VEHICLE_NOT_FOUND');
      if (!bool(vehicle.active)) throw new DomainError('TRANSPORT_VEHICLE_INACTIVE');
      const riders: PlanPatient[] = [];
      for (const patientId of [...new Set(request.patientIds)]) {
        const p = await this.patientRow(communityId, patientId);
        if (!bool(p.active)) throw new DomainError('TRANSPORT_PATIENT_INACTIVE');
        riders.push(this.planPatient(p));
      }
      if (!fits(this.planVehicle(vehicle), riders)) throw new DomainError('TRANSPORT_TRIP_FULL');
      const pickup = minuteOf(request.departTime);
      const end = pickup + Math.max(minutesOf({ kind: 'other' }), ...riders.map((r) => minutesOf(r)));
      const slot = { vehicleId: Number(vehicle.id), driverId: Number(vehicle.driverId), start: pickup, end };
      const conflict = conflictOf(slot, await this.planTripsAround(communityId, start));
      if (conflict) throw new DomainError(conflict);
      const tripId = await this.insertTrip(
        communityId,
        actor.userId,
        request.date,
        start,
        { ...slot, hospital: request.hospital.trim() },
        this.clock.now(),
      );
      for (const r of riders) if (!(await this.addRider(tripId, r.id, request.date))) throw new DomainError('TRANSPORT_PATIENT_BOOKED');
      if (riders.length > 0)
        await this.tellPlanned(
          communityId,
          riders.map((r) => ({ patientId: r.id, tripId })),
        );
      await this.audit.record(actor, { action: 'transport.trip.create', targetType: 'care_trip', targetId: tripId });
    });
    return this.day(actor, request.date);
  }

  /** Moves a patient into this trip (from another planned trip of the day, or from none). */
  async moveRider(actor: Actor, tripId: number, patientId: number): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const date = await this.db.transaction(async () => {
      const vehicles = await this.lockVehicles(communityId);
      const trip = await this.tripRow(communityId, tripId);
      if (trip.state !== 'PLANNED') throw new DomainError('TRANSPORT_TRIP_STARTED');
      const patient = await this.patientRow(communityId, patientId);
      if (!bool(patient.active)) throw new DomainError('TRANSPORT_PATIENT_INACTIVE');
      const start = this.parseDay(trip.date);
      const around = await this.planTripsAround(communityId, start);
      const from = around.find((t) => t.riders.some((r) => r.id === patientId) && t.id !== tripId);
      const here = around.find((t) => t.id === tripId) as PlanTrip;
      if (here.riders.some((r) => r.id === patientId)) return trip.date;
      if (from && !from.open) throw new DomainError('TRANSPORT_TRIP_STARTED');
      const vehicle = vehicles.find((v) => Number(v.id) === Number(trip.vehicleId));
      const p = this.planPatient(patient);
      if (!vehicle || !fits(this.planVehicle(vehicle), [...here.riders, p])) throw new DomainError('TRANSPORT_TRIP_FULL');
      const end = Math.max(here.end, here.start + minutesOf(p));
      if (end > here.end) {
        const conflict = conflictOf({ ...here, end }, around);
        if (conflict) throw new DomainError(conflict);
        await this.db.run('UPDATE care_trips SET busy_until = ? WHERE id = ?', [new Date(start + end * MINUTE), tripId]);
      }
      if (from)
        await this.db.run('UPDATE care_trip_riders SET trip_id = ? WHERE patient_id = ? AND date = ? AND trip_id = ?', [
          tripId,
          patientId,
          trip.date,
          from.id,
        ]);
      else if (!(await this.addRider(tripId, patientId, trip.date))) throw new DomainError('TRANSPORT_PATIENT_BOOKED');
      // Kept home, then put in a trip after all: riding again.
      await this.db.run('DELETE FROM care_trip_skips WHERE patient_id = ? AND date = ?', [patientId, trip.date]);
      if (from && from.riders.length === 1) await this.cancel(actor, from.id, true);
      await this.tellPlanned(communityId, [{ patientId, tripId }]);
      // Both drivers: one more to pick up here, one fewer there.
      const who = this.patientView(patient);
      await this.tellDriver(communityId, Number(trip.driverId), {
        kind: 'transport.planned',
        title: '接送多一位',
        body: `${trip.date} ${trip.departTime} 去${trip.hospital}的车要多接${who.name}（${who.door}）`,
        deadline: Db.date(trip.departAt) as Date,
      });
      if (from && from.riders.length > 1)
        await this.tellDriver(communityId, from.driverId, {
          kind: 'transport.cancelled',
          title: '接送少一位',
          body: `${trip.date} ${hhmm(from.start)} 去${from.hospital}的车不用接${who.name}（${who.door}）了`,
        });
      await this.audit.record(actor, {
        action: 'transport.rider.move',
        targetType: 'care_trip',
        targetId: tripId,
        details: { patientId, from: from?.id ?? null },
      });
      return trip.date;
    });
    return this.day(actor, date);
  }

  /** Takes a patient out of a planned trip: unplanned that day (until built or moved again). */
  async removeRider(actor: Actor, tripId: number, patientId: number): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const date = await this.db.transaction(async () => {
      await this.lockVehicles(communityId);
      const trip = await this.tripRow(communityId, tripId);
      if (trip.state !== 'PLANNED') throw new DomainError('TRANSPORT_TRIP_STARTED');
      const rider = ((await this.ridersOf([tripId])).get(tripId) ?? []).find((r) => r.patientId === patientId);
      const removed = await this.db.run('DELETE FROM care_trip_riders WHERE trip_id = ? AND patient_id = ?', [tripId, patientId]);
      if (removed.affected === 0 || !rider) throw new DomainError('TRANSPORT_PATIENT_NOT_FOUND');
      await this.messages.tellHousehold(rider.householdId, {
        communityId,
        kind: 'transport.cancelled',
        title: `接送有变：${rider.name}`,
        body: `${trip.date} ${trip.departTime} 去${trip.hospital}的车不接${rider.name}了，社区会再联系您安排`,
        link: FAMILY_LINK,
      });
      await this.audit.record(actor, {
        action: 'transport.rider.remove',
        targetType: 'care_trip',
        targetId: tripId,
        details: { patientId },
      });
      return trip.date;
    });
    return this.day(actor, date);
  }

  /** Cancels a trip that has not left: its riders are unplanned again, their families told. */
  async cancelTrip(actor: Actor, tripId: number): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const date = await this.db.transaction(async () => {
      await this.lockVehicles(communityId);
      const trip = await this.tripRow(communityId, tripId);
      await this.cancel(actor, tripId, false, trip);
      return trip.date;
    });
    return this.day(actor, date);
  }

  /**
   * Another vehicle or driver for a planned trip, with the planner's rules: the vehicle active and
   * of the community, its seats and wheelchair places enough for the riders, the driver a
   * volunteer with a phone, neither in another trip at that time. A new vehicle brings its own
   * driver unless one is given. The riders' families and both drivers are told.
   */
  async updateTrip(actor: Actor, tripId: number, request: UpdateTripRequest): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const date = await this.db.transaction(async () => {
      const vehicles = await this.lockVehicles(communityId);
      const trip = await this.tripRow(communityId, tripId);
      if (trip.state !== 'PLANNED') throw new DomainError('TRANSPORT_TRIP_STARTED');
      const vehicleId = request.vehicleId ?? Number(trip.vehicleId);
      const vehicle = vehicles.find((v) => Number(v.id) === vehicleId);
      if (!vehicle) throw new DomainError('TRANSPORT_VEHICLE_NOT_FOUND');
      if (!bool(vehicle.active)) throw new DomainError('TRANSPORT_VEHICLE_INACTIVE');
      const driverId = request.driverId ?? (vehicleId !== Number(trip.vehicleId) ? Number(vehicle.driverId) : Number(trip.driverId));
      if (vehicleId === Number(trip.vehicleId) && driverId === Number(trip.driverId)) return trip.date;
      await this.requireDriver(communityId, driverId);
      const start = this.parseDay(trip.date);
      const around = await this.planTripsAround(communityId, start);
      const here = around.find((t) => t.id === tripId) as PlanTrip;
      if (!fits(this.planVehicle(vehicle), here.riders)) throw new DomainError('TRANSPORT_TRIP_FULL');
      const conflict = conflictOf({ ...here, vehicleId, driverId }, around);
      if (conflict) throw new DomainError(conflict);
      const moved = await this.db.run(`UPDATE care_trips SET vehicle_id = ?, driver_id = ? WHERE id = ? AND state = 'PLANNED'`, [
        vehicleId,
        driverId,
        tripId,
      ]);
      if (moved.affected !== 1) throw new DomainError('TRANSPORT_TRIP_STARTED');
      if (driverId !== Number(trip.driverId))
        await this.tellDriver(communityId, Number(trip.driverId), {
          kind: 'transport.cancelled',
          title: '接送改由别人开',
          body: `${trip.date} ${trip.departTime} 去${trip.hospital}的这趟接送改由别的司机开，您不用出车了`,
        });
      const [view] = await this.tripViews([{ ...trip, vehicleId, driverId }]);
      if (view) {
        await this.tellDriver(communityId, driverId, {
          kind: 'transport.planned',
          title: driverId === Number(trip.driverId) ? '接送换了车' : '新的接送',
          body: `${trip.date} ${trip.departTime} 开${view.vehicleName}（${view.plate}）接${view.riders.map((r) => `${r.name}（${r.door}）`).join('、') || '病人'}去${trip.hospital}`,
          deadline: Db.date(trip.departAt) as Date,
        });
        if (view.riders.length > 0)
          await this.tellPlanned(
            communityId,
            view.riders.map((r) => ({ patientId: r.patientId, tripId })),
            '接送有变',
          );
      }
      await this.audit.record(actor, {
        action: 'transport.trip.update',
        targetType: 'care_trip',
        targetId: tripId,
        details: { vehicleId, driverId, from: { vehicleId: Number(trip.vehicleId), driverId: Number(trip.driverId) } },
      });
      return trip.date;
    });
    return this.day(actor, date);
  }

  /**
   * One patient stays home that day (the trip goes without them): out of the trip and kept out of
   * the day's builds (care_trip_skips, unique per patient and day) until staff move them into a
   * trip again. A trip left empty is cancelled. The family is told.
   */
  async skipRider(actor: Actor, tripId: number, patientId: number, note: string): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const date = await this.db.transaction(async () => {
      await this.lockVehicles(communityId);
      const trip = await this.tripRow(communityId, tripId);
      if (trip.state !== 'PLANNED') throw new DomainError('TRANSPORT_TRIP_STARTED');
      const riders = (await this.ridersOf([tripId])).get(tripId) ?? [];
      const rider = riders.find((r) => r.patientId === patientId);
      if (!rider) throw new DomainError('TRANSPORT_PATIENT_NOT_RIDING');
      const removed = await this.db.run('DELETE FROM care_trip_riders WHERE trip_id = ? AND patient_id = ?', [tripId, patientId]);
      if (removed.affected !== 1) throw new DomainError('TRANSPORT_PATIENT_NOT_RIDING');
      await this.db.run(
        `INSERT INTO care_trip_skips (community_id, patient_id, date, note, created_by, created_at) VALUES (${Db.marks(6)})
         ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE note = VALUES(note)' : 'ON CONFLICT (patient_id, date) DO UPDATE SET note = excluded.note'}`,
        [communityId, patientId, trip.date, note.trim().slice(0, TRIP_NOTE_MAX), actor.userId, this.clock.now()],
      );
      await this.messages.tellHousehold(rider.householdId, {
        communityId,
        kind: 'transport.cancelled',
        title: `接送取消：${rider.name}`,
        body: `${trip.date} ${trip.departTime} 去${trip.hospital}的车这次不接${rider.name}${note.trim() ? `（${note.trim()}）` : ''}；要去请联系社区`,
        link: FAMILY_LINK,
      });
      if (riders.length === 1) await this.cancel(actor, tripId, true, trip);
      else
        await this.tellDriver(communityId, Number(trip.driverId), {
          kind: 'transport.cancelled',
          title: '接送少一位',
          body: `${trip.date} ${trip.departTime} 去${trip.hospital}的车不用接${rider.name}（${rider.door}）了`,
        });
      await this.audit.record(actor, {
        action: 'transport.rider.skip',
        targetType: 'care_trip',
        targetId: tripId,
        details: { patientId, note },
      });
      return trip.date;
    });
    return this.day(actor, date);
  }

  /**
   * Staff end a trip on the road (picked up or at the hospital) when its driver cannot — a
   * phone that died, a patient kept in hospital: RETURNED, recorded as theirs with the note; the
   * vehicle and driver are free from now; the families and the driver are told.
   */
  async staffReturn(actor: Actor, tripId: number, note: string): Promise<TransportDay> {
    const communityId = staffCommunity(actor);
    const text = note.trim().slice(0, TRIP_NOTE_MAX);
    const date = await this.db.transaction(async () => {
      const trip = await this.tripRow(communityId, tripId);
      if (trip.state === 'PLANNED') throw new DomainError('TRANSPORT_TRIP_NOT_STARTED');
      this.transitions.assertMay(TRIP_WORKFLOW, trip.state, 'RETURNED', actor.roles);
      const now = this.clock.now();
      const moved = await this.db.run(
        `UPDATE care_trips SET state = 'RETURNED', returned_at = ?, returned_by = ?, return_note = ?,
         busy_until = CASE WHEN busy_until > ? THEN ? ELSE busy_until END WHERE id = ? AND state = ?`,
        [now, actor.userId, text, now, now, tripId, trip.state],
      );
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: trip.state, to: 'RETURNED' });
      for (const r of (await this.ridersOf([tripId])).get(tripId) ?? []) {
        await this.messages.tellHousehold(r.householdId, {
          communityId,
          kind: 'transport.progress',
          title: `接送结束：${r.name}`,
          body: text ? `${r.name}这趟去${trip.hospital}的接送已结束：${text}（社区登记）` : `${r.name}已送回家（社区登记）`,
          link: FAMILY_LINK,
        });
      }
      await this.tellDriver(communityId, Number(trip.driverId), {
        kind: 'transport.progress',
        title: '接送已由社区结束',
        body: `${trip.date} ${trip.departTime} 去${trip.hospital}的这趟接送社区已登记结束${text ? `：${text}` : ''}`,
      });
      await this.audit.record(actor, {
        action: 'transport.trip.returned_by_staff',
        targetType: 'care_trip',
        targetId: tripId,
        details: { from: trip.state, note: text },
      });
      return trip.date;
    });
    return this.day(actor, date);
  }

  // ---- the family ---------------------------------------------------------------------------

  /** The household's trips from today on (Asia/Shanghai), its own patients only. */
  async familyTrips(actor: Actor): Promise<FamilyTrips> {
    if (actor.householdId === null) return { hasPatient: false, trips: [] };
    const [patients] = await this.db.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM care_patients WHERE household_id = ?', [
      actor.householdId,
    ]);
    if (Number(patients?.n ?? 0) === 0) return { hasPatient: false, trips: [] };
    const today = shanghaiDay(this.clock.now());
    const rows = await this.db.rows<TripRow>(
      `${TRIP_SELECT} WHERE t.date >= ? AND t.state <> 'CANCELLED'
       AND t.id IN (SELECT r.trip_id FROM care_trip_riders r JOIN care_patients p ON p.id = r.patient_id WHERE p.household_id = ? AND r.date >= ?)
       ORDER BY t.depart_at, t.id LIMIT 50`,
      [today, actor.householdId, today],
    );
    const trips: FamilyTrip[] = [];
    for (const t of await this.tripViews(rows)) {
      for (const r of t.riders.filter((x) => x.householdId === actor.householdId)) {
        trips.push({
          id: t.id,
          date: t.date,
          departTime: t.departTime,
          pickupTime: r.pickupTime,
          hospital: t.hospital,
          patientId: r.patientId,
          patientName: r.name,
          vehicleName: t.vehicleName,
          plate: t.plate,
          driverName: t.driverName,
          driverPhone: t.driverPhone,
          state: t.state,
          pickedUpAt: t.pickedUpAt,
          arrivedAt: t.arrivedAt,
          returnedAt: t.returnedAt,
          returnedBy: t.returnedBy,
          returnNote: t.returnNote,
        });
      }
    }
    return { hasPatient: true, trips };
  }

  // ---- the driver ---------------------------------------------------------------------------

  /** My trips from today on (Asia/Shanghai), cancelled ones left out. */
  async driverTrips(actor: Actor): Promise<TransportTrip[]> {
    if (actor.communityId === null) return [];
    const today = shanghaiDay(this.clock.now());
    const rows = await this.db.rows<TripRow>(
      `${TRIP_SELECT} WHERE t.driver_id = ? AND t.community_id = ? AND t.date >= ? AND t.state <> 'CANCELLED' ORDER BY t.depart_at, t.id LIMIT 100`,
      [actor.userId, actor.communityId, today],
    );
    return this.tripViews(rows);
  }

  async progress(actor: Actor, tripId: number, to: TripState): Promise<TransportTrip> {
    const [trip] = await this.db.rows<TripRow>(`${TRIP_SELECT} WHERE t.id = ? AND t.driver_id = ? AND t.community_id = ?`, [
      tripId,
      actor.userId,
      actor.communityId ?? 0,
    ]);
    if (!trip) throw new DomainError('TRANSPORT_TRIP_NOT_FOUND');
    this.transitions.assertMay(TRIP_WORKFLOW, trip.state, to, ['volunteer']);
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const stamp = STAMP[to] as string;
      // Home early: the vehicle and driver are free from now.
      const free = to === 'RETURNED' ? ', busy_until = CASE WHEN busy_until > ? THEN ? ELSE busy_until END' : '';
      const moved = await this.db.run(`UPDATE care_trips SET state = ?, ${stamp} = ?${free} WHERE id = ? AND state = ?`, [
        to,
        now,
        ...(free ? [now, now] : []),
        tripId,
        trip.state,
      ]);
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: trip.state, to });
      const text = PROGRESS_TEXT[to];
      if (text) {
        const riders = await this.ridersOf([tripId]);
        for (const r of riders.get(tripId) ?? []) {
          await this.messages.tellHousehold(r.householdId, {
            communityId: actor.communityId as number,
            kind: 'transport.progress',
            title: `接送：${r.name}${text.title}`,
            body: text.body(r.name, trip.hospital),
            link: FAMILY_LINK,
          });
        }
      }
      await this.audit.record(actor, { action: `transport.trip.${to.toLowerCase()}`, targetType: 'care_trip', targetId: tripId });
    });
    const [view] = await this.tripViews(await this.db.rows<TripRow>(`${TRIP_SELECT} WHERE t.id = ?`, [tripId]));
    return view as TransportTrip;
  }

  /** These trips as staff see them (for the reminder job). */
  async tripsById(ids: number[]): Promise<TransportTrip[]> {
    if (ids.length === 0) return [];
    return this.tripViews(await this.db.rows<TripRow>(`${TRIP_SELECT} WHERE t.id IN (${Db.marks(ids.length)}) ORDER BY t.id`, ids));
  }

  // ---- inside ---------------------------------------------------------------------------------

  private parseDay(date: string): number {
    const start = dayStart(date);
    if (start === null) throw new DomainError('VALIDATION_FAILED', { fields: { date: '日期不对，格式如 2025-05-12' } });
    return start;
  }

  /**
   * Locks every vehicle row of the community (id order, no deadlock; only that table) and
   * returns the vehicles with their drivers.
   */
  private async lockVehicles(communityId: number): Promise<VehicleRow[]> {
    if (this.db.isMysql) await this.db.rows('SELECT id FROM care_vehicles WHERE community_id = ? ORDER BY id FOR UPDATE', [communityId]);
    return this.vehicleRows(communityId);
  }

  private vehicleRows(communityId: number): Promise<VehicleRow[]> {
    return this.db.rows<VehicleRow>(`${VEHICLE_SELECT} WHERE v.community_id = ? ORDER BY v.id`, [communityId]);
  }

  /** Read as committed now, past the transaction's snapshot (MySQL: a locking read of one table). */
  private lockedRead<T>(sql: string, params: unknown[], lock = true): Promise<T[]> {
    return this.db.rows<T>(`${sql}${lock && this.db.isMysql ? ' FOR UPDATE' : ''}`, params);
  }

  /** Active patients due on that day's weekday. */
  private async duePatients(communityId: number, start: number): Promise<PatientRow[]> {
    const weekday = String(weekdayOf(start));
    // Kept home that day (care_trip_skips): neither due nor built.
    const rows = await this.db.rows<PatientRow>(
      `${PATIENT_SELECT} WHERE p.community_id = ? AND p.active = ?
       AND NOT EXISTS (SELECT 1 FROM care_trip_skips s WHERE s.patient_id = p.id AND s.date = ?) ORDER BY p.pickup_time, p.id`,
      [communityId, true, shanghaiDay(new Date(start))],
    );
    return rows.filter((r) => r.weekdays.includes(weekday));
  }

  /** Trips not cancelled that hold a vehicle or driver within a day either side, as the planner sees them. */
  private async planTripsAround(communityId: number, start: number, lock = true): Promise<PlanTrip[]> {
    const trips = await this.lockedRead<TripRow>(
      `${TRIP_SELECT} WHERE t.community_id = ? AND t.state <> 'CANCELLED' AND t.depart_at < ? AND t.busy_until > ? ORDER BY t.id`,
      [communityId, new Date(start + 2 * DAY), new Date(start - DAY)],
      lock,
    );
    if (trips.length === 0) return [];
    const date = shanghaiDay(new Date(start));
    const riding = await this.lockedRead<{ tripId: number; patientId: number }>(
      `SELECT trip_id AS tripId, patient_id AS patientId FROM care_trip_riders WHERE date = ? ORDER BY id`,
      [date],
      lock,
    );
    const patientIds = [...new Set(riding.map((r) => Number(r.patientId)))];
    const patients = new Map(
      patientIds.length === 0
        ? []
        : (await this.db.rows<PatientRow>(`${PATIENT_SELECT} WHERE p.id IN (${Db.marks(patientIds.length)})`, patientIds)).map((p) => [
            Number(p.id),
            this.planPatient(p),
          ]),
    );
    const riders = riding.flatMap((r) => {
      const p = patients.get(Number(r.patientId));
      return p ? [{ ...p, tripId: Number(r.tripId) }] : [];
    });
    return trips.map((t) => ({
      id: Number(t.id),
      vehicleId: Number(t.vehicleId),
      driverId: Number(t.driverId),
      hospital: t.hospital,
      start: Math.round(((Db.date(t.departAt) as Date).getTime() - start) / MINUTE),
      end: Math.round(((Db.date(t.busyUntil) as Date).getTime() - start) / MINUTE),
      open: t.state === 'PLANNED' && t.date === date,
      riders: riders.filter((r) => r.tripId === Number(t.id)).map(({ tripId: _, ...p }) => p),
    }));
  }

  private async insertTrip(
    communityId: number,
    userId: number,
    date: string,
    start: number,
    trip: { vehicleId: number; driverId: number; hospital: string; start: number; end: number },
    now: Date,
  ): Promise<number> {
    const { insertId } = await this.db.run(
      `INSERT INTO care_trips (community_id, date, vehicle_id, driver_id, depart_time, hospital, depart_at, busy_until, state, created_by, created_at)
       VALUES (${Db.marks(11)})`,
      [
        communityId,
        date,
        trip.vehicleId,
        trip.driverId,
        hhmm(trip.start),
        trip.hospital,
        new Date(start + trip.start * MINUTE),
        new Date(start + trip.end * MINUTE),
        'PLANNED',
        userId,
        now,
      ],
    );
    return insertId;
  }

  /** Adds a rider unless the patient already rides that day (the unique key decides); true when added. */
  private async addRider(tripId: number, patientId: number, date: string): Promise<boolean> {
    const inserted = await this.db.run(
      `INSERT INTO care_trip_riders (trip_id, patient_id, date, created_at) VALUES (${Db.marks(4)})
       ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (patient_id, date) DO NOTHING'}`,
      [tripId, patientId, date, this.clock.now()],
    );
    return this.db.isMysql ? inserted.insertId > 0 && inserted.affected === 1 : inserted.affected === 1;
  }

  private async cancel(actor: Actor, tripId: number, emptied: boolean, read?: TripRow): Promise<void> {
    const communityId = staffCommunity(actor);
    const trip = read ?? (await this.tripRow(communityId, tripId));
    this.transitions.assertMay(TRIP_WORKFLOW, trip.state, 'CANCELLED', actor.roles);
    const moved = await this.db.run(`UPDATE care_trips SET state = 'CANCELLED', cancelled_at = ? WHERE id = ? AND state = ?`, [
      this.clock.now(),
      tripId,
      trip.state,
    ]);
    if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: trip.state, to: 'CANCELLED' });
    const riders = (await this.ridersOf([tripId])).get(tripId) ?? [];
    await this.db.run('DELETE FROM care_trip_riders WHERE trip_id = ?', [tripId]);
    for (const r of riders) {
      await this.messages.tellHousehold(r.householdId, {
        communityId,
        kind: 'transport.cancelled',
        title: `接送取消：${r.name}`,
        body: `${trip.date} ${trip.departTime} 去${trip.hospital}的接送取消了，社区会再联系您安排`,
        link: FAMILY_LINK,
      });
    }
    await this.tellDriver(communityId, Number(trip.driverId), {
      kind: 'transport.cancelled',
      title: '接送取消',
      body: `${trip.date} ${trip.departTime} 去${trip.hospital}的这趟接送取消了，不用出车`,
    });
    await this.audit.record(actor, { action: 'transport.trip.cancel', targetType: 'care_trip', targetId: tripId, details: { emptied } });
  }

  private async tellPlanned(communityId: number, riders: { patientId: number; tripId: number }[], heading = '接送已安排'): Promise<void> {
    const tripIds = [...new Set(riders.map((r) => r.tripId))];
    const trips = new Map(
      (await this.tripViews(await this.db.rows<TripRow>(`${TRIP_SELECT} WHERE t.id IN (${Db.marks(tripIds.length)})`, tripIds))).map(
        (t) => [t.id, t],
      ),
    );
    for (const r of riders) {
      const trip = trips.get(r.tripId);
      const rider = trip?.riders.find((x) => x.patientId === r.patientId);
      if (!trip || !rider) continue;
      await this.messages.tellHousehold(rider.householdId, {
        communityId,
        kind: 'transport.planned',
        title: `${heading}：${rider.name}`,
        body: `${trip.date} ${trip.departTime} 接${rider.name}去${trip.hospital}：${trip.vehicleName}（${trip.plate}），司机${trip.driverName}${trip.driverPhone ? ` ${trip.driverPhone}` : ''}`,
        link: FAMILY_LINK,
      });
    }
  }

  private async tellDriver(
    communityId: number,
    driverId: number,
    message: { kind: 'transport.planned' | 'transport.cancelled' | 'transport.progress'; title: string; body: string; deadline?: Date },
  ): Promise<void> {
    await this.messages.tell({ userId: driverId, communityId, link: DRIVER_LINK, ...message });
  }

  /** A volunteer of the community with a phone (the family must reach the driver). */
  private async requireDriver(communityId: number, driverId: number): Promise<void> {
    const [driver] = await this.db.rows<{ id: number; phone: string | null }>(
      `SELECT u.id, u.phone FROM users u JOIN role_assignments r ON r.user_id = u.id AND r.community_id = ? AND r.role = 'volunteer' WHERE u.id = ?`,
      [communityId, driverId],
    );
    if (!driver) throw new DomainError('TRANSPORT_DRIVER_INVALID');
    if (!driver.phone) throw new DomainError('TRANSPORT_DRIVER_NO_PHONE');
  }

  private async ridersOf(tripIds: number[]): Promise<Map<number, TripRider[]>> {
    const byTrip = new Map<number, TripRider[]>();
    if (tripIds.length === 0) return byTrip;
    const rows = await this.db.rows<PatientRow & { tripId: number }>(
      `${PATIENT_SELECT.replace('SELECT ', 'SELECT r.trip_id AS tripId, ')} JOIN care_trip_riders r ON r.patient_id = p.id WHERE r.trip_id IN (${Db.marks(tripIds.length)}) ORDER BY r.id`,
      tripIds,
    );
    for (const r of rows) {
      const view = this.patientView(r);
      const rider: TripRider = {
        patientId: view.id,
        name: view.name,
        door: view.door,
        householdId: view.householdId,
        wheelchair: view.wheelchair,
        companion: view.companion,
        pickupTime: view.pickupTime,
      };
      byTrip.set(Number(r.tripId), [...(byTrip.get(Number(r.tripId)) ?? []), rider]);
    }
    return byTrip;
  }

  private async tripViews(rows: TripRow[]): Promise<TransportTrip[]> {
    if (rows.length === 0) return [];
    const riders = await this.ridersOf(rows.map((r) => Number(r.id)));
    const vehicleIds = [...new Set(rows.map((r) => Number(r.vehicleId)))];
    const driverIds = [...new Set(rows.map((r) => Number(r.driverId)))];
    const vehicles = new Map(
      (
        await this.db.rows<{ id: number; name: string; plate: string }>(
          `SELECT id, name, plate FROM care_vehicles WHERE id IN (${Db.marks(vehicleIds.length)})`,
          vehicleIds,
        )
      ).map((v) => [Number(v.id), v]),
    );
    const drivers = new Map(
      (
        await this.db.rows<{ id: number; nickname: string; phone: string | null }>(
          `SELECT id, nickname, phone FROM users WHERE id IN (${Db.marks(driverIds.length)})`,
          driverIds,
        )
      ).map((u) => [Number(u.id), u]),
    );
    return rows.map((t) => {
      const list = riders.get(Number(t.id)) ?? [];
      const vehicle = vehicles.get(Number(t.vehicleId));
      const driver = drivers.get(Number(t.driverId));
      return {
        id: Number(t.id),
        date: t.date,
        vehicleId: Number(t.vehicleId),
        vehicleName: vehicle?.name ?? '',
        plate: vehicle?.plate ?? '',
        driverId: Number(t.driverId),
        driverName: driver?.nickname ?? '',
        driverPhone: driver?.phone ?? null,
        departTime: t.departTime,
        departAt: iso(t.departAt) as string,
        busyUntil: iso(t.busyUntil) as string,
        hospital: t.hospital,
        state: t.state,
        riders: list,
        seatsUsed: list.reduce((n, r) => n + (r.wheelchair ? 0 : 1) + (r.companion ? 1 : 0), 0),
        wheelchairsUsed: list.filter((r) => r.wheelchair).length,
        pickedUpAt: iso(t.pickedUpAt),
        arrivedAt: iso(t.arrivedAt),
        returnedAt: iso(t.returnedAt),
        returnedBy: t.returnedAt ? (t.returnedBy ? 'staff' : 'driver') : null,
        returnNote: t.returnNote ?? '',
      };
    });
  }

  private async patientRow(communityId: number, id: number): Promise<PatientRow> {
    const [row] = await this.db.rows<PatientRow>(`${PATIENT_SELECT} WHERE p.id = ? AND p.community_id = ?`, [id, communityId]);
    if (!row) throw new DomainError('TRANSPORT_PATIENT_NOT_FOUND');
    return row;
  }

  private async vehicleRow(communityId: number, id: number): Promise<VehicleRow> {
    const [row] = await this.db.rows<VehicleRow>(`${VEHICLE_SELECT} WHERE v.id = ? AND v.community_id = ?`, [id, communityId]);
    if (!row) throw new DomainError('TRANSPORT_VEHICLE_NOT_FOUND');
    return row;
  }

  private async tripRow(communityId: number, id: number): Promise<TripRow> {
    const [row] = await this.lockedRead<TripRow>(`${TRIP_SELECT} WHERE t.id = ? AND t.community_id = ?`, [id, communityId]);
    if (!row) throw new DomainError('TRANSPORT_TRIP_NOT_FOUND');
    return row;
  }

  private planPatient(r: PatientRow): PlanPatient {
    return {
      id: Number(r.id),
      kind: r.kind,
      hospital: r.hospital,
      pickup: minuteOf(r.pickupTime),
      wheelchair: bool(r.wheelchair),
      companion: bool(r.companion),
    };
  }

  private planVehicle(v: VehicleRow): PlanVehicle {
    return { id: Number(v.id), driverId: Number(v.driverId), seats: Number(v.seats), wheelchairPlaces: Number(v.wheelchairPlaces) };
  }

  private patientView(r: PatientRow): TransportPatient {
    return {
      id: Number(r.id),
      householdId: Number(r.householdId),
      door: `${r.building}${r.unit}${r.room}`,
      name: r.name,
      kind: r.kind,
      hospital: r.hospital,
      weekdays: r.weekdays.split('').map(Number) as Weekday[],
      pickupTime: r.pickupTime,
      wheelchair: bool(r.wheelchair),
      companion: bool(r.companion),
      note: r.note,
      active: bool(r.active),
    };
  }

  private vehicleView(r: VehicleRow): TransportVehicle {
    return {
      id: Number(r.id),
      name: r.name,
      plate: r.plate,
      seats: Number(r.seats),
      wheelchairPlaces: Number(r.wheelchairPlaces),
      driverId: Number(r.driverId),
      driverName: r.driverName,
      driverPhone: r.driverPhone,
      active: bool(r.active),
    };
  }
}
