import { HOUSEHOLD_TAG_LABELS, type CareSelection } from '@linli/shared-types';

/** Whom a campaign reaches, in words: 「透析患者或化疗患者 · 3栋、5栋 · 另加 2 户」. */
export function selectionText(selection: CareSelection, buildingNames?: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  if (selection.tags.length > 0) {
    parts.push(selection.tags.map((t) => HOUSEHOLD_TAG_LABELS[t]).join(selection.allTags ? '且' : '或'));
  }
  if (selection.buildingIds.length > 0) {
    const names = selection.buildingIds.map((id) => buildingNames?.get(id) ?? `${id}号楼`);
    parts.push(selection.tags.length > 0 ? `限${names.join('、')}` : `${names.join('、')}全部住户`);
  } else if (selection.tags.length > 0) {
    parts.push('全社区');
  }
  if (selection.householdIds.length > 0) parts.push(`${parts.length > 0 ? '另加' : '指定'} ${selection.householdIds.length} 户`);
  return parts.length > 0 ? parts.join(' · ') : '还没有选择住户';
}

/** What a run would do, for the confirmation: 「给还没有的 5 户各送一份「爱心蔬菜包」」. */
export function runText(pending: number, title: string): string {
  return pending > 0
    ? `给还没收到的 ${pending} 户各送一份「${title}」，免费，派单后由志愿者送到家门口。每户只送一次。`
    : '选中的住户都已发放，没有新的住户要送。';
}
