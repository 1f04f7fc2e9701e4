import {
  CLASS_MAX_MINUTES,
  CLASS_MIN_MINUTES,
  type ClassKind,
  type ClassRequest,
  type StaffClassView,
  type UpdateClassRequest,
} from '@linli/shared-types';

/** What staff fill in to schedule a class. */
export interface ClassForm {
  kind: ClassKind | null;
  title: string;
  teacher: string;
  description: string;
  startsAt: string;
  minutes: string;
  /** '' : unlimited. */
  capacity: string;
  limited: boolean;
  liveUrl: string;
  buildingIds: number[];
}

export type ClassFormErrors = Partial<Record<keyof ClassForm, string>>;

export function emptyForm(startsAt: string): ClassForm {
  return {
    kind: null,
    title: '',
    teacher: '',
    description: '',
    startsAt,
    minutes: '45',
    capacity: '',
    limited: false,
    liveUrl: '',
    buildingIds: [],
  };
}

export function formOf(c: StaffClassView): ClassForm {
  return {
    kind: c.kind,
    title: c.title,
    teacher: c.teacher,
    description: c.description,
    startsAt: c.startsAt,
    minutes: String(c.minutes),
    capacity: c.capacity === null ? '' : String(c.capacity),
    limited: c.capacity !== null,
    liveUrl: c.liveUrl,
    buildingIds: c.buildingIds,
  };
}

const WHOLE = /^\d+$/;

/** The request for a filled-in form, or what is wrong with it (in Chinese, under each field). */
export function validate(f: ClassForm, now: number): { errors: ClassFormErrors; body: ClassRequest | null } {
  const errors: ClassFormErrors = {};
  const title = f.title.trim();
  const teacher = f.teacher.trim();
  const liveUrl = f.liveUrl.trim();
  if (!f.kind) errors.kind = '请选择课程类别';
  if (title.length < 2 || title.length > 60) errors.title = '课程名称要 2 到 60 个字';
  if (teacher.length < 1 || teacher.length > 40) errors.teacher = '请填写老师的名字';
  const minutes = Number(f.minutes);
  if (!WHOLE.test(f.minutes.trim()) || minutes < CLASS_MIN_MINUTES || minutes > CLASS_MAX_MINUTES) {
    errors.minutes = `课程时长要 ${CLASS_MIN_MINUTES} 到 ${CLASS_MAX_MINUTES} 分钟`;
  }
  const capacity = Number(f.capacity);
  if (f.limited && (!WHOLE.test(f.capacity.trim()) || capacity < 1 || capacity > 10000)) errors.capacity = '名额要是 1 到 10000 的整数';
  if (!/^https?:\/\/\S+$/.test(liveUrl)) errors.liveUrl = '请粘贴直播链接，以 http:// 或 https:// 开头';
  if (Date.parse(f.startsAt) <= now) errors.startsAt = '上课时间已经过去了，请选一个以后的时间';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      kind: f.kind as ClassKind,
      title,
      teacher,
      description: f.description.trim(),
      startsAt: f.startsAt,
      minutes,
      capacity: f.limited ? capacity : null,
      liveUrl,
      buildingIds: [...f.buildingIds].sort((a, b) => a - b),
    },
  };
}

/** Only what changed, for an edit. */
export function changes(before: StaffClassView, body: ClassRequest): UpdateClassRequest {
  const out: UpdateClassRequest = {};
  if (body.kind !== before.kind) out.kind = body.kind;
  if (body.title !== before.title) out.title = body.title;
  if (body.teacher !== before.teacher) out.teacher = body.teacher;
  if ((body.description ?? '') !== before.description) out.description = body.description;
  if (Date.parse(body.startsAt) !== Date.parse(before.startsAt)) out.startsAt = body.startsAt;
  if (body.minutes !== before.minutes) out.minutes = body.minutes;
  if ((body.capacity ?? null) !== before.capacity) out.capacity = body.capacity ?? null;
  if (body.liveUrl !== before.liveUrl) out.liveUrl = body.liveUrl;
  if (JSON.stringify(body.buildingIds ?? []) !== JSON.stringify([...before.buildingIds].sort((a, b) => a - b)))
    out.buildingIds = body.buildingIds;
  return out;
}
