import { isHouseholdTag, type HouseholdTag } from '@linli/shared-types';

/** Stored as ",a,b," (sorted, unique) so that `tags LIKE '%,a,%'` finds a tag. */
export function joinTags(tags: readonly HouseholdTag[]): string {
  const unique = [...new Set(tags)].sort();
  return unique.length === 0 ? '' : `,${unique.join(',')},`;
}

export function splitTags(stored: string): HouseholdTag[] {
  return stored.split(',').filter(isHouseholdTag);
}
