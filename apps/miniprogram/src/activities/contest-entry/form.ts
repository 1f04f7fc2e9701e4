import type { ContestEntryRequest, ContestKind } from '@linli/shared-types';

export interface EntryForm {
  title: string;
  caption: string;
  pictures: { id: number; url: string }[];
  videoUrl: string;
}

export type EntryFormErrors = Partial<Record<'title' | 'caption' | 'pictures' | 'videoUrl', string>>;

export const emptyEntry: EntryForm = { title: '', caption: '', pictures: [], videoUrl: '' };

/** What the contest's kind asks for: pictures (photo, drawing), a video link, or an essay of 10 characters or more. */
export function validateEntry(form: EntryForm, kind: ContestKind): { errors: EntryFormErrors; body: ContestEntryRequest | null } {
  const errors: EntryFormErrors = {};
  const title = form.title.trim();
  const caption = form.caption.trim();
  if (title.length < 1 || title.length > 60) errors.title = '请写作品名称（60 个字以内）';
  if ((kind === 'photo' || kind === 'drawing') && form.pictures.length === 0) errors.pictures = '请至少上传一张图片';
  if (kind === 'video' && !/^https:\/\/\S+$/.test(form.videoUrl.trim())) errors.videoUrl = '请填写以 https:// 开头的视频链接';
  if (kind === 'essay' && caption.length < 10) errors.caption = '征文至少要 10 个字';
  if (caption.length > 2000) errors.caption = '作品说明最多 2000 个字';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      title,
      caption,
      ...(form.pictures.length > 0 ? { pictureIds: form.pictures.map((p) => p.id) } : {}),
      ...(kind === 'video' ? { videoUrl: form.videoUrl.trim() } : {}),
    },
  };
}
