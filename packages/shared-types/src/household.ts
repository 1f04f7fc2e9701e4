/**
 * Tags mark households that need care first: they drive priority in fair-share windows,
 * care packages and the supervisors' watch lists.
 */
export const HOUSEHOLD_TAGS = ['elderly-alone', 'empty-nest', 'hardship', 'dialysis', 'chemo', 'disabled'] as const;
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];

export const HOUSEHOLD_TAG_LABELS: Record<HouseholdTag, string> = {
  'elderly-alone': '独居老人',
  'empty-nest': '空巢老人',
  hardship: '困难家庭',
  dialysis: '透析患者',
  chemo: '化疗患者',
  disabled: '残障人士',
};

/** Tags of the elderly: the staff editor suggests elderly mode as the household's default for these. */
export const ELDERLY_TAGS: readonly HouseholdTag[] = ['elderly-alone', 'empty-nest'];

export function isHouseholdTag(value: unknown): value is HouseholdTag {
  return typeof value === 'string' && (HOUSEHOLD_TAGS as readonly string[]).includes(value);
}

/** Finds a tag by its code or its Chinese label (Excel sheets use the labels). */
export function parseHouseholdTag(text: string): HouseholdTag | undefined {
  const t = text.trim();
  if (isHouseholdTag(t)) return t;
  return HOUSEHOLD_TAGS.find((tag) => HOUSEHOLD_TAG_LABELS[tag] === t);
}

/** Mainland mobile number: 11 digits starting with 1[3-9]. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** 138****1234: what volunteers and other non-staff see. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** The door as people say it: 3栋2单元1203. */
export function formatDoor(building: string, unit: string, room: string): string {
  return `${building}${unit}${room}`;
}
