import { isStaffOf, relationsTo, requireRelation, staffCommunity } from './access';
import type { Actor } from './actor';

const person = (over: Partial<Actor>): Actor => ({ userId: 1, nickname: '', communityId: 1, roles: [], householdId: null, ...over });

const resident = person({ userId: 10, roles: ['resident'], householdId: 100 });
const neighbour = person({ userId: 11, roles: ['resident'], householdId: 101 });
const volunteer = person({ userId: 20, roles: ['resident', 'volunteer'], householdId: 102 });
const pharmacist = person({ userId: 30, roles: ['pharmacist'] });
const staff = person({ userId: 40, roles: ['staff'] });
const supervisor = person({ userId: 41, roles: ['supervisor'] });
const staffElsewhere = person({ userId: 42, roles: ['staff'], communityId: 2 });
const newcomer = person({ userId: 50, communityId: null });

describe('staff of a community', () => {
  it('is a staff member or supervisor of that very community', () => {
    expect(isStaffOf(staff, 1)).toBe(true);
    expect(isStaffOf(supervisor, 1)).toBe(true);
    expect(isStaffOf(staffElsewhere, 1)).toBe(false);
    expect(isStaffOf(resident, 1)).toBe(false);
    expect(staffCommunity(staffElsewhere)).toBe(2);
    expect(() => staffCommunity(volunteer)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => staffCommunity(newcomer)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('who the actor is to a record', () => {
  const parcel = { communityId: 1, householdId: 100, volunteerId: 20 };

  it('names the household, the volunteer holding it and staff; nobody else', () => {
    expect(relationsTo(resident, parcel)).toEqual(['resident']);
    expect(relationsTo(volunteer, parcel)).toEqual(['volunteer']);
    expect(relationsTo(staff, parcel)).toEqual(['staff']);
    expect(relationsTo(neighbour, parcel)).toEqual([]);
    expect(relationsTo(staffElsewhere, parcel)).toEqual([]);
    expect(relationsTo(person({ userId: 21, roles: ['volunteer'] }), parcel)).toEqual([]);
  });

  it('lets any volunteer of the community take what nobody holds, and no one from elsewhere', () => {
    const open = { communityId: 1, householdId: 100, volunteerId: null, openToVolunteers: true };
    expect(relationsTo(person({ userId: 21, roles: ['volunteer'] }), open)).toEqual(['volunteer']);
    expect(relationsTo(person({ userId: 22, roles: ['volunteer'], communityId: 2 }), open)).toEqual([]);
    expect(relationsTo(resident, open)).toEqual(['resident']);
  });

  it("counts a pharmacist only for their own pharmacy's records, as looked up by the service", () => {
    const request = { communityId: 1, householdId: 100, pharmacyId: 7 };
    expect(relationsTo(pharmacist, request, { pharmacyId: 7 })).toEqual(['pharmacist']);
    expect(relationsTo(pharmacist, request, { pharmacyId: 8 })).toEqual([]);
    expect(relationsTo(pharmacist, request)).toEqual([]);
    expect(relationsTo(resident, request, { pharmacyId: 7 })).toEqual(['resident']);
  });

  it('makes the owner of a request its resident before they hold the role', () => {
    expect(relationsTo(newcomer, { communityId: 1, ownerUserId: 50 })).toEqual(['resident']);
    expect(relationsTo(resident, { communityId: 1, ownerUserId: 50 })).toEqual([]);
  });

  it('answers not found, never forbidden, for what does not concern the actor', () => {
    expect(requireRelation(resident, parcel, 'PARCEL_NOT_FOUND')).toEqual({ record: parcel, as: ['resident'] });
    expect(() => requireRelation(neighbour, parcel, 'PARCEL_NOT_FOUND')).toThrow(expect.objectContaining({ code: 'PARCEL_NOT_FOUND' }));
    expect(() => requireRelation(staff, null, 'ORDER_NOT_FOUND')).toThrow(expect.objectContaining({ code: 'ORDER_NOT_FOUND' }));
  });
});
