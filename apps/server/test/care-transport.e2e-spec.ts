import type {
  BuildDayResult,
  ErrorBody,
  FamilyTrips,
  MeResponse,
  MessagesPage,
  TransportDay,
  TransportPatient,
  TransportTrip,
  TransportVehicle,
} from '@linli/shared-types';
import { Clock } from '../src/common/clock';
import { Db } from '../src/common/database/db';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { TransportReminder } from '../src/modules/care/transport/transport-reminder';
import { TransportService } from '../src/modules/care/transport/transport.service';
import { MessagesService } from '../src/modules/messages/messages.service';
import { TestApp, type Client } from './support/test-app';

/**
 * Patient transport (issue 18): staff register patients and vehicles, the server builds a day's
 * trips (grouped by time and hospital within seats and wheelchair places), refuses double
 * bookings and builds nobody twice; drivers see only their own trips and mark each step, which
 * the patients' families are told.
 */
describe('care transport', () => {
  let t: TestApp;
  let staff: Client;
  let volunteer: Client;
  let volunteerId: number;
  let resident: Client;
  let residentHousehold: number;
  let family: Client;
  let familyHousehold: number;
  let driver2: Client;
  let driver2Id: number;
  let date: string;

  const me = async (c: Client): Promise<MeResponse> => (await c.get('/api/me').expect(200)).body as MeResponse;
  const messages = async (c: Client, kind: string): Promise<string[]> =>
    ((await c.get('/api/messages?pageSize=100').expect(200)).body as MessagesPage).items.filter((m) => m.kind === kind).map((m) => m.body);
  const patient = (householdId: number, name: string, over: Record<string, unknown> = {}): object => ({
    householdId,
    name,
    kind: 'dialysis',
    hospital: '省立医院',
    weekdays: [1, 3, 5],
    pickupTime: '07:30',
    wheelchair: false,
    companion: false,
    ...over,
  });

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    volunteer = await t.login('volunteer');
    volunteerId = (await me(volunteer)).user.id;
    resident = await t.login('resident');
    residentHousehold = Number((await me(resident)).household?.id);
    [family] = (await t.residents(1)) as [Client];
    familyHousehold = Number((await me(family)).household?.id);
    // A second driver: a volunteer of the community with a phone.
    const [c] = (await t.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
    await t.db.query(
      `INSERT INTO users (nickname, phone, household_id, created_at) VALUES ('赵师傅', '13955199999', NULL, CURRENT_TIMESTAMP)`,
    );
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '赵师傅'")) as { id: number }[];
    driver2Id = Number(u?.id);
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${driver2Id}, ${c?.id}, 'volunteer')`);
    driver2 = await t.tokenFor(driver2Id);
    // The next Monday (Asia/Shanghai), at least a day ahead.
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000);
    const ahead = (8 - today.getUTCDay()) % 7 || 7;
    date = new Date(today.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
  });

  afterAll(async () => {
    await t.close();
  });

  let li: TransportPatient;
  let wang: TransportPatient;
  let zhou: TransportPatient;
  let van: TransportVehicle;
  let car: TransportVehicle;

  it('staff register patients and vehicles; a driver must be a volunteer with a phone', async () => {
    li = (await staff.post('/api/staff/care-transport/patients', patient(residentHousehold, '李阿姨', { companion: true })).expect(201))
      .body as TransportPatient;
    expect(li).toMatchObject({ name: '李阿姨', weekdays: [1, 3, 5], pickupTime: '07:30', companion: true, active: true });
    expect(li.door).toMatch(/栋/);
    wang = (
      await staff
        .post('/api/staff/care-transport/patients', patient(familyHousehold, '王大爷', { wheelchair: true, kind: 'chemo', weekdays: [1] }))
        .expect(201)
    ).body as TransportPatient;
    zhou = (
      await staff
        .post('/api/staff/care-transport/patients', patient(familyHousehold, '周奶奶', { hospital: '市第一人民医院', kind: 'other' }))
        .expect(201)
    ).body as TransportPatient;
    await staff.post('/api/staff/care-transport/patients', patient(familyHousehold, '孙叔叔', { weekdays: [2, 4] })).expect(201);

    van = (
      await staff
        .post('/api/staff/care-transport/vehicles', {
          name: '爱心车1号',
          plate: '皖a12345',
          seats: 4,
          wheelchairPlaces: 1,
          driverId: volunteerId,
        })
        .expect(201)
    ).body as TransportVehicle;
    expect(van).toMatchObject({ plate: '皖A12345', driverId: volunteerId, driverPhone: expect.any(String) });
    car = (
      await staff
        .post('/api/staff/care-transport/vehicles', {
          name: '爱心车2号',
          plate: '皖A67890',
          seats: 3,
          wheelchairPlaces: 0,
          driverId: driver2Id,
        })
        .expect(201)
    ).body as TransportVehicle;
    // The resident is no volunteer; a volunteer without a phone cannot drive.
    const residentId = (await me(resident)).user.id;
    const notVolunteer = await staff
      .post('/api/staff/care-transport/vehicles', { name: '车', plate: '皖A00000', seats: 4, wheelchairPlaces: 0, driverId: residentId })
      .expect(409);
    expect((notVolunteer.body as ErrorBody).code).toBe('TRANSPORT_DRIVER_INVALID');
    await t.db.query(`UPDATE users SET phone = NULL WHERE id = ${driver2Id}`);
    const noPhone = await staff
      .put(`/api/staff/care-transport/vehicles/${car.id}`, {
        name: '爱心车2号',
        plate: '皖A67890',
        seats: 3,
        wheelchairPlaces: 0,
        driverId: driver2Id,
      })
      .expect(409);
    expect((noPhone.body as ErrorBody).code).toBe('TRANSPORT_DRIVER_NO_PHONE');
    await t.db.query(`UPDATE users SET phone = '13955199999' WHERE id = ${driver2Id}`);
    expect(((await staff.get('/api/staff/care-transport/patients').expect(200)).body as TransportPatient[]).length).toBe(4);
  });

  let trips: TransportTrip[];

  it('builds the day: patients grouped by time and hospital within seats and wheelchair places; families are told', async () => {
    const before = (await staff.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    expect(before.trips).toEqual([]);
    expect(before.unplanned.map((u) => u.patient.name).sort()).toEqual(['周奶奶', '李阿姨', '王大爷'].sort());

    const built = (await staff.post(`/api/staff/care-transport/days/${date}/build`).expect(200)).body as BuildDayResult;
    expect(built).toMatchObject({ tripsCreated: 2, ridersAdded: 3 });
    expect(built.day.unplanned).toEqual([]);
    trips = built.day.trips;
    const provincial = trips.find((x) => x.hospital === '省立医院') as TransportTrip;
    // The wheelchair needs the van; 李阿姨 and her companion ride along (2 seats, 1 wheelchair place).
    expect(provincial).toMatchObject({
      vehicleId: van.id,
      driverId: volunteerId,
      departTime: '07:30',
      state: 'PLANNED',
      seatsUsed: 2,
      wheelchairsUsed: 1,
    });
    expect(provincial.riders.map((r) => r.name).sort()).toEqual(['李阿姨', '王大爷'].sort());
    const city = trips.find((x) => x.hospital === '市第一人民医院') as TransportTrip;
    expect(city).toMatchObject({ vehicleId: car.id, driverId: driver2Id });
    expect(city.riders.map((r) => r.name)).toEqual(['周奶奶']);

    expect(
      (await messages(resident, 'transport.planned')).some((b) => b.includes('李阿姨') && b.includes('省立医院') && b.includes('07:30')),
    ).toBe(true);
    expect((await messages(family, 'transport.planned')).length).toBe(2);
  });

  it('building again, or by two staff at once, makes no duplicate trip or rider', async () => {
    const again = (await staff.post(`/api/staff/care-transport/days/${date}/build`).expect(200)).body as BuildDayResult;
    expect(again).toMatchObject({ tripsCreated: 0, ridersAdded: 0 });
    // A new patient, then two builds at once: one rider for her, in the city trip.
    await staff
      .post('/api/staff/care-transport/patients', patient(residentHousehold, '吴阿婆', { hospital: '市第一人民医院', kind: 'other' }))
      .expect(201);
    const other = await t.login('supervisor');
    const both = await Promise.all([
      staff.post(`/api/staff/care-transport/days/${date}/build`),
      other.post(`/api/staff/care-transport/days/${date}/build`),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => (r.body as BuildDayResult).ridersAdded).sort()).toEqual([0, 1]);
    expect(both.map((r) => (r.body as BuildDayResult).tripsCreated)).toEqual([0, 0]);
    expect(await t.count('care_trips')).toBe(2);
    expect(await t.count('care_trip_riders')).toBe(4);
    const day = (await staff.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    expect(day.trips.find((x) => x.vehicleId === car.id)?.riders.map((r) => r.name)).toEqual(['周奶奶', '吴阿婆']);
  });

  it('refuses a double booking: the vehicle, the driver or the patient already in a trip at that time', async () => {
    const trip = (body: object) => staff.post('/api/staff/care-transport/trips', { date, hospital: '省立医院', patientIds: [], ...body });
    const vehicleBusy = await trip({ vehicleId: van.id, departTime: '09:00' }).expect(409);
    expect((vehicleBusy.body as ErrorBody).code).toBe('TRANSPORT_VEHICLE_BUSY');
    // A third vehicle driven by the van's driver: the driver is busy.
    const spare = (
      await staff
        .post('/api/staff/care-transport/vehicles', {
          name: '备用车',
          plate: '皖A55555',
          seats: 4,
          wheelchairPlaces: 0,
          driverId: volunteerId,
        })
        .expect(201)
    ).body as TransportVehicle;
    const driverBusy = await trip({ vehicleId: spare.id, departTime: '08:00' }).expect(409);
    expect((driverBusy.body as ErrorBody).code).toBe('TRANSPORT_DRIVER_BUSY');
    // Later that day the car is free, but 李阿姨 already rides that day.
    const booked = await trip({ vehicleId: car.id, departTime: '15:00', patientIds: [li.id] }).expect(409);
    expect((booked.body as ErrorBody).code).toBe('TRANSPORT_PATIENT_BOOKED');
    const full = await trip({ vehicleId: car.id, departTime: '15:00', patientIds: [wang.id] }).expect(409);
    expect((full.body as ErrorBody).code).toBe('TRANSPORT_TRIP_FULL');
    expect(await t.count('care_trips')).toBe(2);
    // Built again, the spare vehicle takes nobody: everyone rides already.
    expect(((await staff.post(`/api/staff/care-transport/days/${date}/build`).expect(200)).body as BuildDayResult).tripsCreated).toBe(0);
  });

  it('a driver sees only their own trips and marks picked up → arrived → returned; the families are told', async () => {
    const mine = (await volunteer.get('/api/driver/trips').expect(200)).body as TransportTrip[];
    expect(mine.map((x) => x.driverId)).toEqual([volunteerId]);
    const theirs = (await driver2.get('/api/driver/trips').expect(200)).body as TransportTrip[];
    expect(theirs.map((x) => x.vehicleId)).toEqual([car.id]);
    expect((await resident.get('/api/driver/trips').expect(200)).body).toEqual([]);

    const trip = mine[0] as TransportTrip;
    // Another driver's trip is not there for me; steps in order only; the resident is no driver.
    await volunteer.post(`/api/driver/trips/${theirs[0]?.id}/progress`, { to: 'PICKED_UP' }).expect(404);
    expect(((await volunteer.post(`/api/driver/trips/${trip.id}/progress`, { to: 'ARRIVED' }).expect(409)).body as ErrorBody).code).toBe(
      'INVALID_TRANSITION',
    );
    await resident.post(`/api/driver/trips/${trip.id}/progress`, { to: 'PICKED_UP' }).expect(403);

    expect(
      ((await volunteer.post(`/api/driver/trips/${trip.id}/progress`, { to: 'PICKED_UP' }).expect(200)).body as TransportTrip).state,
    ).toBe('PICKED_UP');
    expect(await messages(resident, 'transport.progress')).toEqual(['李阿姨已上车，前往省立医院']);
    await volunteer.post(`/api/driver/trips/${trip.id}/progress`, { to: 'ARRIVED' }).expect(200);
    const home = (await volunteer.post(`/api/driver/trips/${trip.id}/progress`, { to: 'RETURNED' }).expect(200)).body as TransportTrip;
    expect(home).toMatchObject({
      state: 'RETURNED',
      pickedUpAt: expect.any(String),
      arrivedAt: expect.any(String),
      returnedAt: expect.any(String),
    });
    expect((await messages(resident, 'transport.progress')).sort()).toEqual(
      ['李阿姨已上车，前往省立医院', '李阿姨已到达省立医院', '李阿姨已送回家'].sort(),
    );
    expect((await messages(family, 'transport.progress')).some((b) => b === '王大爷已送回家')).toBe(true);
    await volunteer.post(`/api/driver/trips/${trip.id}/progress`, { to: 'RETURNED' }).expect(409);
    // Staff cannot cancel a trip that has left.
    await staff.post(`/api/staff/care-transport/trips/${trip.id}/cancel`).expect(409);
    const board = (await staff.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    expect(board.trips.find((x) => x.id === trip.id)?.state).toBe('RETURNED');
  });

  it('staff move a patient, and cancel a trip: its riders are unplanned again and told', async () => {
    const board = (await staff.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    const city = board.trips.find((x) => x.vehicleId === car.id) as TransportTrip;
    // 周奶奶 out of the car and into a new trip by hand at 14:00 on the spare vehicle's slot: car is free by then.
    const moved = (
      await staff
        .post('/api/staff/care-transport/trips', {
          date,
          vehicleId: car.id,
          departTime: '14:00',
          hospital: '市第一人民医院',
          patientIds: [],
        })
        .expect(201)
    ).body as TransportDay;
    const afternoon = moved.trips.find((x) => x.departTime === '14:00') as TransportTrip;
    const after = (await staff.post(`/api/staff/care-transport/trips/${afternoon.id}/riders`, { patientId: zhou.id }).expect(200))
      .body as TransportDay;
    expect(after.trips.find((x) => x.id === afternoon.id)?.riders.map((r) => r.name)).toEqual(['周奶奶']);
    expect(after.trips.find((x) => x.id === city.id)?.riders.map((r) => r.name)).toEqual(['吴阿婆']);

    const cancelled = (await staff.post(`/api/staff/care-transport/trips/${afternoon.id}/cancel`).expect(200)).body as TransportDay;
    expect(cancelled.trips.find((x) => x.id === afternoon.id)?.state).toBe('CANCELLED');
    expect(cancelled.unplanned.map((u) => u.patient.name)).toEqual(['周奶奶']);
    expect((await messages(family, 'transport.cancelled')).length).toBe(1);
    expect((await driver2.get('/api/driver/trips').expect(200)).body.map((x: TransportTrip) => x.id)).toEqual([city.id]);
  });

  it('staff end a trip stuck on the road (the driver cannot): recorded as staff with the note; the family and driver are told', async () => {
    const board = (await staff.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    const city = board.trips.find((x) => x.vehicleId === car.id && x.state === 'PLANNED') as TransportTrip;
    expect(city.riders.map((r) => r.name)).toEqual(['吴阿婆']);
    // Not on the road yet: staff cancel it instead; a volunteer who is not its driver cannot mark it.
    const early = await staff.post(`/api/staff/care-transport/trips/${city.id}/return`, { note: '患者留院' }).expect(409);
    expect((early.body as ErrorBody).code).toBe('TRANSPORT_TRIP_NOT_STARTED');
    await volunteer.post(`/api/driver/trips/${city.id}/progress`, { to: 'PICKED_UP' }).expect(404);
    await driver2.post(`/api/driver/trips/${city.id}/progress`, { to: 'PICKED_UP' }).expect(200);
    // The driver's phone dies: the wrong roles are refused, staff end it.
    await resident.post(`/api/staff/care-transport/trips/${city.id}/return`, {}).expect(403);
    await volunteer.post(`/api/staff/care-transport/trips/${city.id}/return`, {}).expect(403);
    const long = await staff.post(`/api/staff/care-transport/trips/${city.id}/return`, { note: '长'.repeat(101) }).expect(400);
    expect((long.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    const ended = (await staff.post(`/api/staff/care-transport/trips/${city.id}/return`, { note: '患者留院' }).expect(200))
      .body as TransportDay;
    expect(ended.trips.find((x) => x.id === city.id)).toMatchObject({ state: 'RETURNED', returnedBy: 'staff', returnNote: '患者留院' });
    expect((await messages(resident, 'transport.progress')).some((b) => b.includes('吴阿婆') && b.includes('患者留院'))).toBe(true);
    expect((await messages(driver2, 'transport.progress')).some((b) => b.includes('患者留院'))).toBe(true);
    // Once ended, neither staff nor the driver move it again.
    await staff.post(`/api/staff/care-transport/trips/${city.id}/return`, {}).expect(409);
    await driver2.post(`/api/driver/trips/${city.id}/progress`, { to: 'ARRIVED' }).expect(409);
  });

  describe('a second day: manual edits, a patient kept home, the reminder, the family page', () => {
    let day2: string;
    let spareId: number;
    let byCar: TransportTrip;
    let other: TransportTrip;
    const board2 = async (): Promise<TransportDay> =>
      (await staff.get(`/api/staff/care-transport/days/${day2}`).expect(200)).body as TransportDay;

    beforeAll(async () => {
      // The Wednesday after: 李阿姨, 周奶奶 and 吴阿婆 are due.
      day2 = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      spareId = (
        ((await staff.get('/api/staff/care-transport/vehicles').expect(200)).body as TransportVehicle[]).find(
          (v) => v.name === '备用车',
        ) as TransportVehicle
      ).id;
      const built = (await staff.post(`/api/staff/care-transport/days/${day2}/build`).expect(200)).body as BuildDayResult;
      expect(built.ridersAdded).toBe(3);
      byCar = built.day.trips.find((x) => x.vehicleId === car.id) as TransportTrip;
      other = built.day.trips.find((x) => x.vehicleId !== car.id) as TransportTrip;
      expect(other.driverId).toBe(volunteerId);
      expect(byCar.driverId).toBe(driver2Id);
    });

    it('a change that double-books a vehicle or driver, or overfills seats, is refused with the reason and changes nothing', async () => {
      const before = await board2();
      const refused = async (res: { body: unknown }, code: string): Promise<void> => {
        expect((res.body as ErrorBody).code).toBe(code);
        expect((res.body as ErrorBody).message).toMatch(/[\u4e00-\u9fa5]/);
      };
      const put = (id: number, body: object) => staff.put(`/api/staff/care-transport/trips/${id}`, body);
      await refused(await put(byCar.id, { vehicleId: other.vehicleId }).expect(409), 'TRANSPORT_VEHICLE_BUSY');
      await refused(await put(byCar.id, { driverId: volunteerId }).expect(409), 'TRANSPORT_DRIVER_BUSY');
      // The free vehicle brings its own driver, who drives the other trip then.
      const free = [van.id, spareId].find((v) => v !== other.vehicleId) as number;
      await refused(await put(byCar.id, { vehicleId: free }).expect(409), 'TRANSPORT_DRIVER_BUSY');
      // A wheelchair does not fit the car; 王大爷 is no trip of this day's builds, staff may still add him.
      const chair = await staff.post(`/api/staff/care-transport/trips/${byCar.id}/riders`, { patientId: wang.id }).expect(409);
      await refused(chair, 'TRANSPORT_TRIP_FULL');
      // A resident is no driver: a volunteer without the role is refused.
      await refused(await put(byCar.id, { driverId: (await me(resident)).user.id }).expect(409), 'TRANSPORT_DRIVER_INVALID');
      await resident.put(`/api/staff/care-transport/trips/${byCar.id}`, { vehicleId: free }).expect(403);
      await volunteer.post(`/api/staff/care-transport/trips/${byCar.id}/riders`, { patientId: wang.id }).expect(403);
      expect(await board2()).toEqual(before);
    });

    it('staff move a patient and change a vehicle; the families are told; building again undoes nothing and duplicates nothing', async () => {
      const free = [van.id, spareId].find((v) => v !== other.vehicleId) as number;
      // One rider of the fuller trip into the other one (it has the seat).
      const [from, into] = other.riders.length > byCar.riders.length ? [other, byCar] : [byCar, other];
      const rider = from.riders.find((r) => r.name === '周奶奶') ?? (from.riders[0] as TransportTrip['riders'][number]);
      const moving = { id: rider.patientId, name: rider.name };
      expect(into.riders.map((r) => r.patientId)).not.toContain(moving.id);
      const moved = (await staff.post(`/api/staff/care-transport/trips/${into.id}/riders`, { patientId: moving.id }).expect(200))
        .body as TransportDay;
      expect(moved.trips.find((x) => x.id === into.id)?.riders.map((r) => r.patientId)).toContain(moving.id);
      expect(moved.trips.find((x) => x.id === from.id)?.riders.map((r) => r.patientId) ?? []).not.toContain(moving.id);
      // Both drivers are told: one more to pick up, one fewer.
      const driverOf = (trip: TransportTrip): Client => (trip.driverId === volunteerId ? volunteer : driver2);
      expect((await messages(driverOf(into), 'transport.planned')).some((b) => b.includes(`多接${moving.name}`))).toBe(true);
      expect((await messages(driverOf(from), 'transport.cancelled')).some((b) => b.includes(`不用接${moving.name}`))).toBe(true);
      const changed = (await staff.put(`/api/staff/care-transport/trips/${other.id}`, { vehicleId: free }).expect(200))
        .body as TransportDay;
      expect(changed.trips.find((x) => x.id === other.id)).toMatchObject({ vehicleId: free, driverId: volunteerId });
      expect((await messages(resident, 'transport.planned')).some((b) => b.includes(day2))).toBe(true);

      const rebuilt = (await staff.post(`/api/staff/care-transport/days/${day2}/build`).expect(200)).body as BuildDayResult;
      expect(rebuilt).toMatchObject({ tripsCreated: 0, ridersAdded: 0 });
      expect(rebuilt.day.trips.filter((x) => x.state !== 'CANCELLED')).toEqual(changed.trips.filter((x) => x.state !== 'CANCELLED'));
      const riders = rebuilt.day.trips.flatMap((x) => x.riders.map((r) => r.patientId));
      expect(riders.length).toBe(new Set(riders).size);
      other = rebuilt.day.trips.find((x) => x.id === other.id) as TransportTrip;
      byCar = rebuilt.day.trips.find((x) => x.id === byCar.id) as TransportTrip;
    });

    it('one patient stays home: out of the trip, told, left out of rebuilds, put back by a move', async () => {
      // A trip shared with another household's patient; one of the resident's stays home.
      const trip = [other, byCar].find(
        (x) => x.riders.length > 1 && x.riders.some((r) => r.householdId === residentHousehold),
      ) as TransportTrip;
      const wu = trip.riders.find((r) => r.householdId === residentHousehold) as { patientId: number; name: string };
      await resident.post(`/api/staff/care-transport/trips/${trip.id}/riders/${wu.patientId}/skip`, {}).expect(403);
      const skipped = (
        await staff.post(`/api/staff/care-transport/trips/${trip.id}/riders/${wu.patientId}/skip`, { note: '今天不舒服' }).expect(200)
      ).body as TransportDay;
      expect(skipped.skipped.map((x) => [x.patient.name, x.note])).toEqual([[wu.name, '今天不舒服']]);
      expect(skipped.unplanned).toEqual([]);
      // The others in the vehicle still ride.
      expect(skipped.trips.find((x) => x.id === trip.id)).toMatchObject({ state: 'PLANNED' });
      expect(skipped.trips.find((x) => x.id === trip.id)?.riders.length).toBe(trip.riders.length - 1);
      expect((await messages(resident, 'transport.cancelled')).some((b) => b.includes(wu.name) && b.includes('今天不舒服'))).toBe(true);
      await staff.post(`/api/staff/care-transport/trips/${trip.id}/riders/${wu.patientId}/skip`, {}).expect(404);
      const rebuilt = (await staff.post(`/api/staff/care-transport/days/${day2}/build`).expect(200)).body as BuildDayResult;
      expect(rebuilt).toMatchObject({ tripsCreated: 0, ridersAdded: 0 });
      // Staff change their mind: moved into the trip again, riding again.
      const back = (await staff.post(`/api/staff/care-transport/trips/${trip.id}/riders`, { patientId: wu.patientId }).expect(200))
        .body as TransportDay;
      expect(back.skipped).toEqual([]);
      expect(back.trips.find((x) => x.id === trip.id)?.riders.length).toBe(trip.riders.length);
    });

    it('the evening before, each household and driver is reminded once per trip (two instances, run twice)', async () => {
      const saved = t.clock.now();
      const reminders = async (): Promise<number> =>
        Number(
          ((await t.db.query(`SELECT COUNT(*) AS n FROM messages WHERE kind = 'transport.reminder'`)) as { n: number | string }[])[0]?.n,
        );
      const reminder = t.app.get(TransportReminder);
      // The day before at 18:59 Shanghai: too early.
      const eve = Date.parse(`${day2}T00:00:00+08:00`) - 86_400_000;
      t.clock.set(new Date(eve + (18 * 60 + 59) * 60_000));
      expect(await reminder.runOnce()).toBe(0);
      t.clock.set(new Date(eve + (19 * 60 + 5) * 60_000));
      const second = new TransportReminder(
        t.app.get<AppConfig>(APP_CONFIG),
        t.app.get(Db),
        t.app.get(Clock),
        t.app.get(MessagesService),
        t.app.get(TransportService),
      );
      const [a, b] = await Promise.all([reminder.runOnce(), second.runOnce()]);
      expect(a + b).toBeGreaterThan(0);
      const after = await reminders();
      expect(await reminder.runOnce()).toBe(0);
      expect(await second.runOnce()).toBe(0);
      expect(await reminders()).toBe(after);
      const mine = await messages(resident, 'transport.reminder');
      expect(mine.length).toBe(2);
      expect(mine.some((m) => m.includes('李阿姨') && m.includes('07:30') && m.includes('省立医院') && m.includes('皖A'))).toBe(true);
      expect((await messages(driver2, 'transport.reminder')).length).toBe(1);
      expect((await messages(volunteer, 'transport.reminder')).length).toBe(1);
      const [withDeadline] = (await t.db.query(
        `SELECT COUNT(*) AS n FROM messages WHERE kind = 'transport.reminder' AND deadline IS NULL`,
      )) as { n: number | string }[];
      expect(Number(withDeadline?.n)).toBe(0);
      t.clock.set(saved);
    });

    it("the family sees its own patients' trips, live as the driver marks them, and no other household's", async () => {
      const mine = (await resident.get('/api/care/trips').expect(200)).body as FamilyTrips;
      expect(mine.hasPatient).toBe(true);
      expect(new Set(mine.trips.map((x) => x.patientName))).toEqual(new Set(['李阿姨', '吴阿婆']));
      const all = (await family.get('/api/care/trips').expect(200)).body as FamilyTrips;
      expect(new Set(all.trips.map((x) => x.patientName))).toEqual(new Set(['王大爷', '周奶奶']));
      const theirs = { trips: all.trips.filter((x) => x.date === day2) };
      expect(theirs.trips.map((x) => x.patientName)).toEqual(['周奶奶']);
      expect(theirs.trips[0]).toMatchObject({
        date: day2,
        state: 'PLANNED',
        plate: expect.stringMatching(/^皖A/),
        driverPhone: expect.any(String),
      });
      expect(theirs.trips.map((x) => x.patientId)).not.toContain(li.id);
      // Nobody registered: no link on 「我的」.
      const [nobody] = (await t.residents(1)) as [Client];
      expect((await nobody.get('/api/care/trips').expect(200)).body).toEqual({ hasPatient: false, trips: [] });
      // The driver marks the step; the family page shows it at once.
      const trip = theirs.trips[0] as FamilyTrips['trips'][number];
      const driver = trip.driverName === '赵师傅' ? driver2 : volunteer;
      const notDriver = driver === driver2 ? volunteer : driver2;
      await notDriver.post(`/api/driver/trips/${trip.id}/progress`, { to: 'PICKED_UP' }).expect(404);
      await driver.post(`/api/driver/trips/${trip.id}/progress`, { to: 'PICKED_UP' }).expect(200);
      expect(((await family.get('/api/care/trips').expect(200)).body as FamilyTrips).trips.find((x) => x.id === trip.id)?.state).toBe(
        'PICKED_UP',
      );
    });
  });

  it('refuses bad bodies with 400 VALIDATION_FAILED, changing nothing', async () => {
    const patients = await t.count('care_patients');
    const bad = async (path: string, body: object): Promise<void> => {
      const res = await staff.post(path, body).expect(400);
      expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    };
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '', {}));
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '李', { pickupTime: '25:00' }));
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '李', { weekdays: [] }));
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '李', { weekdays: [8] }));
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '李', { kind: 'flu' }));
    await bad('/api/staff/care-transport/patients', patient(residentHousehold, '李', { wheelchair: 'yes' }));
    await bad('/api/staff/care-transport/patients', patient(-1, '李'));
    await bad('/api/staff/care-transport/vehicles', { name: '车', plate: '皖A1', seats: 0, wheelchairPlaces: 0, driverId: volunteerId });
    await bad('/api/staff/care-transport/vehicles', {
      name: '车',
      plate: '皖A11111',
      seats: 1e308,
      wheelchairPlaces: 0,
      driverId: volunteerId,
    });
    await bad('/api/staff/care-transport/trips', {
      date: 'tomorrow',
      vehicleId: van.id,
      departTime: '07:30',
      hospital: '省立医院',
      patientIds: [],
    });
    await bad(`/api/staff/care-transport/days/2025-02-30/build`, {});
    await bad(`/api/staff/care-transport/days/x/build`, {});
    const flying = await volunteer.post('/api/driver/trips/1/progress', { to: 'FLYING' }).expect(400);
    expect((flying.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    await staff.get('/api/staff/care-transport/days/2025-13-01').expect(400);
    await staff.post('/api/staff/care-transport/trips/abc/cancel').expect(400);
    await staff.post('/api/staff/care-transport/trips/999999/cancel').expect(404);
    expect(await t.count('care_patients')).toBe(patients);
  });

  it('only staff of the community: the wrong role is refused, another community sees none of these ids', async () => {
    await resident.get('/api/staff/care-transport/patients').expect(403);
    await volunteer.post(`/api/staff/care-transport/days/${date}/build`).expect(403);
    await resident
      .post('/api/staff/care-transport/vehicles', { name: '车', plate: '皖A11111', seats: 4, wheelchairPlaces: 0, driverId: volunteerId })
      .expect(403);

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    expect((await other.get('/api/staff/care-transport/patients').expect(200)).body).toEqual([]);
    expect((await other.get('/api/staff/care-transport/vehicles').expect(200)).body).toEqual([]);
    const day = (await other.get(`/api/staff/care-transport/days/${date}`).expect(200)).body as TransportDay;
    expect(day).toMatchObject({ trips: [], unplanned: [] });
    await other.put(`/api/staff/care-transport/patients/${li.id}`, patient(residentHousehold, '李阿姨')).expect(404);
    const household = await other.post('/api/staff/care-transport/patients', patient(residentHousehold, '李阿姨')).expect(404);
    expect((household.body as ErrorBody).code).toBe('HOUSEHOLD_NOT_FOUND');
    await other
      .put(`/api/staff/care-transport/vehicles/${van.id}`, {
        name: '车',
        plate: '皖A11111',
        seats: 4,
        wheelchairPlaces: 0,
        driverId: volunteerId,
      })
      .expect(409);
    await other.post(`/api/staff/care-transport/trips/${trips[0]?.id}/cancel`).expect(404);
    await other.post(`/api/staff/care-transport/trips/${trips[0]?.id}/riders`, { patientId: li.id }).expect(404);
    await other.put(`/api/staff/care-transport/trips/${trips[0]?.id}`, { vehicleId: van.id }).expect(404);
    await other.post(`/api/staff/care-transport/trips/${trips[0]?.id}/return`, { note: '患者留院' }).expect(404);
    await other.post(`/api/staff/care-transport/trips/${trips[0]?.id}/riders/${li.id}/skip`, {}).expect(404);
    const built = (await other.post(`/api/staff/care-transport/days/${date}/build`).expect(200)).body as BuildDayResult;
    expect(built).toMatchObject({ tripsCreated: 0, ridersAdded: 0 });
  });
});
