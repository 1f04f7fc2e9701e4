import type { NoticeCategory, NoticeRequest, StaffNoticeView, UpdateNoticeRequest } from '@linli/shared-types';

/** The notice form as staff fill it in. */
export interface NoticeForm {
  category: NoticeCategory | null;
  title: string;
  body: string;
  pictures: { id: number; url: string }[];
  /** Empty: the whole community (with no zone chosen either). */
  buildingIds: number[];
  zones: string[];
  pinned: boolean;
  urgent: boolean;
  /** null: at once. */
  publishAt: string | null;
  /** null: never. */
  expiresAt: string | null;
}

export type NoticeFormErrors = Partial<Record<'category' | 'title' | 'body' | 'publishAt' | 'expiresAt', string>>;

export function emptyForm(): NoticeForm {
  return {
    category: null,
    title: '',
    body: '',
    pictures: [],
    buildingIds: [],
    zones: [],
    pinned: false,
    urgent: false,
    publishAt: null,
    expiresAt: null,
  };
}

export function formOf(n: StaffNoticeView): NoticeForm {
  return {
    category: n.category,
    title: n.title,
    body: n.body,
    pictures: n.pictures,
    buildingIds: n.buildingIds,
    zones: n.zones,
    pinned: n.pinned,
    urgent: n.urgent,
    publishAt: n.publishAt,
    expiresAt: n.expiresAt,
  };
}

/** What is wrong with the form (Chinese, under each field), or the request to send. */
export function validate(form: NoticeForm, now: number): { errors: NoticeFormErrors; body: NoticeRequest | null } {
  const errors: NoticeFormErrors = {};
  if (form.category === null) errors.category = '请选择通知的类别';
  const title = form.title.trim();
  if (title.length < 2 || title.length > 60) errors.title = '标题要 2 到 60 个字';
  const body = form.body.trim();
  if (body.length < 2 || body.length > 5000) errors.body = '正文要 2 到 5000 个字';
  const publishMs = form.publishAt === null ? now : Date.parse(form.publishAt);
  if (form.expiresAt !== null) {
    const expiresMs = Date.parse(form.expiresAt);
    if (expiresMs <= publishMs) errors.expiresAt = '结束时间要晚于发布时间';
    else if (expiresMs <= now) errors.expiresAt = '结束时间已经过去了，请选一个以后的时间';
  }
  if (Object.keys(errors).length > 0 || form.category === null) return { errors, body: null };
  return {
    errors,
    body: {
      category: form.category,
      title,
      body,
      pictureIds: form.pictures.map((p) => p.id),
      buildingIds: form.buildingIds,
      zones: form.zones,
      pinned: form.pinned,
      urgent: form.urgent,
      publishAt: form.publishAt,
      expiresAt: form.expiresAt,
    },
  };
}

const same = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.join(',') === b.join(',');

/** An edit sends only what changed (the server marks the notice edited and audits the changes). */
export function changes(before: StaffNoticeView, body: NoticeRequest): UpdateNoticeRequest {
  const out: UpdateNoticeRequest = {};
  if (body.category !== before.category) out.category = body.category;
  if (body.title !== before.title) out.title = body.title;
  if (body.body !== before.body) out.body = body.body;
  if (
    !same(
      body.pictureIds ?? [],
      before.pictures.map((p) => p.id),
    )
  )
    out.pictureIds = body.pictureIds;
  if (!same(body.buildingIds ?? [], before.buildingIds)) out.buildingIds = body.buildingIds;
  if (!same(body.zones ?? [], before.zones)) out.zones = body.zones;
  if (body.pinned !== before.pinned) out.pinned = body.pinned;
  if (body.urgent !== before.urgent) out.urgent = body.urgent;
  if (body.publishAt !== before.publishAt) out.publishAt = body.publishAt;
  if (body.expiresAt !== before.expiresAt) out.expiresAt = body.expiresAt;
  return out;
}
