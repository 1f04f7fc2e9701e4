import type { Actor as FlowActor, ErrorCode } from '@linli/shared-types';
import { hasRole, type Actor } from './actor';
import { DomainError } from './domain-error';

/**
 * Who may do what, asked in one place (as Immich's `utils/access.ts`). A service calls one of
 * these on its first line; nothing else decides who someone is to a record.
 *
 * Two questions:
 * - "Is this person staff here?": `isStaffOf` / `staffCommunity`. Supervisors count as staff.
 * - "Who is this person to this record?": `relationsTo` answers with the workflow actors
 *   (resident, volunteer, pharmacist, staff) the person is for it, which is also what the
 *   workflow tables are checked against; `requireRelation` turns "nobody" into not found, so a
 *   stranger cannot even learn that the record exists.
 */

/** Staff (or a supervisor) of this community. */
export function isStaffOf(actor: Actor, communityId: number): boolean {
  return actor.communityId !== null && actor.communityId === communityId && hasRole(actor, 'staff', 'supervisor');
}

/** The community a staff member manages; FORBIDDEN for anyone else. */
export function staffCommunity(actor: Actor): number {
  if (actor.communityId === null || !hasRole(actor, 'staff', 'supervisor')) throw new DomainError('FORBIDDEN');
  return actor.communityId;
}

/** What a record says about whom it concerns; each field is optional because not every record has every party. */
export interface Concerned {
  /** The community it belongs to: its staff are `staff` to it. */
  communityId: number;
  /** The household it is for: the household's members are `resident` to it. */
  householdId?: number | null;
  /** The user who asked for it (a binding request): `resident` to it even before holding the role. */
  ownerUserId?: number | null;
  /** The volunteer holding it: `volunteer` to it. */
  volunteerId?: number | null;
  /** Any volunteer of the community may take it (a parcel nobody holds yet). */
  openToVolunteers?: boolean;
  /** The pharmacy working it: its pharmacists are `pharmacist` to it. */
  pharmacyId?: number | null;
}

/** Facts about the actor a service has looked up (the pharmacy a pharmacist works for). */
export interface ActorFacts {
  pharmacyId?: number | null;
  /**
   * A household the actor may act for as its grid worker or 家属 (ProxyAccess said so): they are
   * `resident` to its records, doing for it what it cannot do itself.
   */
  actsFor?: number | null;
}

/** Who the actor is to this record, as workflow actors; empty when it does not concern them. */
export function relationsTo(actor: Actor, record: Concerned, facts: ActorFacts = {}): FlowActor[] {
  const who: FlowActor[] = [];
  const ownHousehold = actor.householdId !== null && record.householdId !== undefined && actor.householdId === record.householdId;
  const owner = record.ownerUserId !== undefined && record.ownerUserId === actor.userId;
  const proxy = typeof facts.actsFor === 'number' && record.householdId !== undefined && facts.actsFor === record.householdId;
  if (ownHousehold || owner || proxy) who.push('resident');
  if (
    hasRole(actor, 'volunteer') &&
    ((record.volunteerId !== undefined && record.volunteerId === actor.userId) ||
      (record.openToVolunteers === true && actor.communityId === record.communityId))
  ) {
    who.push('volunteer');
  }
  if (hasRole(actor, 'pharmacist') && typeof facts.pharmacyId === 'number' && facts.pharmacyId === record.pharmacyId)
    who.push('pharmacist');
  if (isStaffOf(actor, record.communityId)) who.push('staff');
  return who;
}

/**
 * The actor's relations to a record that must concern them: `notFound` when it does not (or
 * when there is no record), never a hint that it exists.
 */
export function requireRelation<R extends Concerned>(
  actor: Actor,
  record: R | null | undefined,
  notFound: ErrorCode,
  facts: ActorFacts = {},
): { record: R; as: FlowActor[] } {
  const as = record ? relationsTo(actor, record, facts) : [];
  if (!record || as.length === 0) throw new DomainError(notFound);
  return { record, as };
}
