import { conflictOf, fits, planTrips, type PlanPatient, type PlanTrip, type PlanVehicle } from './trip-planner';

const at = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const patient = (id: number, over: Partial<PlanPatient> = {}): PlanPatient => ({
  id,
  kind: 'dialysis',
  hospital: '省立医院',
  pickup: at('07:30'),
  wheelchair: false,
  companion: false,
  ...over,
});
const van = (id: number, seats: number, wheelchairPlaces = 0, driverId = 100 + id): PlanVehicle => ({
  id,
  driverId,
  seats,
  wheelchairPlaces,
});

describe('planTrips', () => {
  it('groups patients of the same time and hospital into one vehicle', () => {
    const plan = planTrips([patient(1), patient(2), patient(3)], [van(1, 6)], []);
    expect(plan.unplanned).toEqual([]);
    expect(plan.trips).toHaveLength(1);
    expect(plan.trips[0]).toMatchObject({ vehicleId: 1, driverId: 101, hospital: '省立医院', start: at('07:30'), end: at('12:30') });
    expect(plan.trips[0]?.riders.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('splits by hospital and by time, and a busy vehicle is not used twice at once', () => {
    const plan = planTrips(
      [patient(1), patient(2, { hospital: '市一院' }), patient(3, { pickup: at('13:00'), kind: 'other' })],
      [van(1, 4), van(2, 4)],
      [],
    );
    const trips = plan.trips.map((t) => `${t.hospital} ${t.start}`).sort();
    expect(trips).toEqual([`市一院 ${at('07:30')}`, `省立医院 ${at('07:30')}`, `省立医院 ${at('13:00')}`]);
    // Two vehicles at 07:30; at 13:00 (after the dialysis round trips, 07:30 + 5 h) one is free again.
    expect(new Set(plan.trips.slice(0, 2).map((t) => t.vehicleId)).size).toBe(2);
    expect(plan.unplanned).toEqual([]);
  });

  it('keeps within seats: a companion takes a second seat; overflow goes to the next vehicle', () => {
    const plan = planTrips([patient(1, { companion: true }), patient(2), patient(3)], [van(1, 3), van(2, 2)], []);
    expect(plan.trips.map((t) => [t.vehicleId, t.riders.map((r) => r.id)])).toEqual([
      [1, [1, 2]],
      [2, [3]],
    ]);
  });

  it('puts wheelchair users only where there is a wheelchair place, and says who is left without a vehicle', () => {
    const plan = planTrips([patient(1, { wheelchair: true }), patient(2, { wheelchair: true }), patient(3)], [van(1, 4), van(2, 2, 1)], []);
    expect(plan.trips.map((t) => [t.vehicleId, t.riders.map((r) => r.id)])).toEqual([[2, [1, 3]]]);
    expect(plan.unplanned.map((u) => u.patient.id)).toEqual([2]);
    expect(plan.unplanned[0]?.reason).toContain('所有的车或司机');
    expect(planTrips([patient(4, { wheelchair: true })], [van(1, 4)], []).unplanned[0]?.reason).toBe('没有带轮椅位的车');
  });

  it('a driver of two vehicles is not sent in both at once', () => {
    const plan = planTrips([patient(1), patient(2, { hospital: '市一院' })], [van(1, 4, 0, 7), van(2, 4, 0, 7)], []);
    expect(plan.trips).toHaveLength(1);
    expect(plan.unplanned).toHaveLength(1);
    expect(plan.unplanned[0]?.reason).toBe('这个时间所有的车或司机都有别的接送');
  });

  it('building again adds only patients not riding yet, into the stored trip when it has room', () => {
    const stored: PlanTrip = {
      id: 9,
      vehicleId: 1,
      driverId: 101,
      hospital: '省立医院',
      start: at('07:30'),
      end: at('12:30'),
      open: true,
      riders: [patient(1)],
    };
    const plan = planTrips([patient(1), patient(2)], [van(1, 4)], [stored]);
    expect(plan.trips).toEqual([]);
    expect(plan.joins.map((j) => [j.tripId, j.patient.id])).toEqual([[9, 2]]);
    expect(planTrips([patient(1)], [van(1, 4)], [stored])).toEqual({ trips: [], joins: [], unplanned: [] });
  });

  it('a trip already under way takes nobody more; its vehicle stays busy', () => {
    const started: PlanTrip = {
      id: 9,
      vehicleId: 1,
      driverId: 101,
      hospital: '省立医院',
      start: at('07:30'),
      end: at('12:30'),
      open: false,
      riders: [patient(1)],
    };
    const plan = planTrips([patient(2)], [van(1, 4), van(2, 4)], [started]);
    expect(plan.joins).toEqual([]);
    expect(plan.trips.map((t) => t.vehicleId)).toEqual([2]);
  });
});

describe('conflicts', () => {
  const trip = { id: 1, vehicleId: 1, driverId: 7, start: at('07:30'), end: at('12:30') };

  it('refuses the same vehicle or driver in overlapping trips', () => {
    expect(conflictOf({ vehicleId: 1, driverId: 8, start: at('12:00'), end: at('15:00') }, [trip])).toBe('TRANSPORT_VEHICLE_BUSY');
    expect(conflictOf({ vehicleId: 2, driverId: 7, start: at('06:00'), end: at('08:00') }, [trip])).toBe('TRANSPORT_DRIVER_BUSY');
  });

  it('allows back-to-back trips, other vehicles and drivers, and the trip itself', () => {
    expect(conflictOf({ vehicleId: 1, driverId: 7, start: at('12:30'), end: at('15:00') }, [trip])).toBeNull();
    expect(conflictOf({ vehicleId: 2, driverId: 8, start: at('08:00'), end: at('10:00') }, [trip])).toBeNull();
    expect(conflictOf({ ...trip, end: at('13:00') }, [trip])).toBeNull();
  });

  it('counts seats and wheelchair places', () => {
    expect(fits({ seats: 2, wheelchairPlaces: 0 }, [{ wheelchair: false, companion: true }])).toBe(true);
    expect(
      fits({ seats: 2, wheelchairPlaces: 0 }, [
        { wheelchair: false, companion: true },
        { wheelchair: false, companion: false },
      ]),
    ).toBe(false);
    expect(fits({ seats: 1, wheelchairPlaces: 1 }, [{ wheelchair: true, companion: true }])).toBe(true);
    expect(fits({ seats: 1, wheelchairPlaces: 0 }, [{ wheelchair: true, companion: false }])).toBe(false);
  });
});

describe('planTrips keeps wheelchair vehicles for wheelchair users', () => {
  it('seats walkers elsewhere first, and places a wheelchair group before others at the same time', () => {
    const plan = planTrips(
      [
        { id: 1, kind: 'other', hospital: '市一院', pickup: 450, wheelchair: false, companion: false },
        { id: 2, kind: 'dialysis', hospital: '省立医院', pickup: 450, wheelchair: true, companion: false },
      ],
      [
        { id: 1, driverId: 11, seats: 6, wheelchairPlaces: 1 },
        { id: 2, driverId: 12, seats: 3, wheelchairPlaces: 0 },
      ],
      [],
    );
    expect(plan.unplanned).toEqual([]);
    expect(plan.trips.map((t) => [t.hospital, t.vehicleId]).sort()).toEqual([
      ['市一院', 2],
      ['省立医院', 1],
    ]);
  });
});
