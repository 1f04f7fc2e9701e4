import type { ContestKind, ContestMode, ContestRequest, ContestView } from '@linli/shared-types';

export interface ContestForm {
  kind: ContestKind;
  title: string;
  rules: string;
  entryStartsAt: string;
  entryEndsAt: string;
  voteStartsAt: string;
  voteEndsAt: string;
  entriesPerHousehold: string;
  votesPerDay: string;
  mode: ContestMode;
  autoApprove: boolean;
}

export type ContestFormErrors = Partial<
  Record<'title' | 'rules' | 'entryEndsAt' | 'voteStartsAt' | 'voteEndsAt' | 'entriesPerHousehold' | 'votesPerDay', string>
>;

const DAY_MS = 24 * 3600 * 1000;

/** A new contest: entries from now for a week, votes from now until three days after. */
export function emptyContest(now: number): ContestForm {
  const start = Math.floor(now / 60_000) * 60_000;
  return {
    kind: 'photo',
    title: '',
    rules: '',
    entryStartsAt: new Date(start).toISOString(),
    entryEndsAt: new Date(start + 7 * DAY_MS).toISOString(),
    voteStartsAt: new Date(start).toISOString(),
    voteEndsAt: new Date(start + 10 * DAY_MS).toISOString(),
    entriesPerHousehold: '1',
    votesPerDay: '3',
    mode: 'vote',
    autoApprove: false,
  };
}

export function contestFormOf(c: ContestView): ContestForm {
  return {
    kind: c.kind,
    title: c.title,
    rules: c.rules,
    entryStartsAt: c.entryStartsAt,
    entryEndsAt: c.entryEndsAt,
    voteStartsAt: c.voteStartsAt,
    voteEndsAt: c.voteEndsAt,
    entriesPerHousehold: String(c.entriesPerHousehold),
    votesPerDay: String(c.votesPerDay),
    mode: c.mode,
    autoApprove: c.autoApprove,
  };
}

function whole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** What is wrong (under each field), or the request to send. */
export function validateContest(form: ContestForm): { errors: ContestFormErrors; body: ContestRequest | null } {
  const errors: ContestFormErrors = {};
  const title = form.title.trim();
  const rules = form.rules.trim();
  if (title.length < 2 || title.length > 60) errors.title = '标题要 2 到 60 个字';
  if (rules.length < 2 || rules.length > 3000) errors.rules = '比赛规则要 2 到 3000 个字';
  const t = (iso: string): number => Date.parse(iso);
  if (t(form.entryEndsAt) <= t(form.entryStartsAt)) errors.entryEndsAt = '征集结束要晚于开始';
  if (t(form.voteStartsAt) < t(form.entryStartsAt)) errors.voteStartsAt = '投票不能早于征集开始';
  if (t(form.voteEndsAt) <= t(form.voteStartsAt)) errors.voteEndsAt = '投票结束要晚于开始';
  const perHousehold = whole(form.entriesPerHousehold, 1, 20);
  const perDay = whole(form.votesPerDay, 1, 50);
  if (perHousehold === null) errors.entriesPerHousehold = '每户作品数要在 1 到 20 之间';
  if (perDay === null) errors.votesPerDay = '每人每天票数要在 1 到 50 之间';
  if (Object.keys(errors).length > 0 || perHousehold === null || perDay === null) return { errors, body: null };
  return {
    errors,
    body: {
      kind: form.kind,
      title,
      rules,
      entryStartsAt: form.entryStartsAt,
      entryEndsAt: form.entryEndsAt,
      voteStartsAt: form.voteStartsAt,
      voteEndsAt: form.voteEndsAt,
      entriesPerHousehold: perHousehold,
      votesPerDay: perDay,
      mode: form.mode,
      autoApprove: form.autoApprove,
    },
  };
}
