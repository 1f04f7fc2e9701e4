import type { Role } from './roles';

/**
 * What an uploaded photo is for, and who may upload one: the volunteer's photo of a parcel left
 * at the door, a resident's prescription or medicine box, the pharmacy's receipt,
 * a picture on a staff notice, a picture of a resident's contest entry, a picture in a help request's thread
 * (any user: team members hold any role).
 */
export const FILE_PURPOSES = {
  contactless: ['volunteer'],
  prescription: ['resident', 'staff'],
  receipt: ['pharmacist'],
  notice: ['staff', 'supervisor'],
  contest: ['resident'],
  help: ['resident', 'volunteer', 'pharmacist', 'staff', 'supervisor', 'counsellor'],
} as const satisfies Record<string, readonly Role[]>;
export type FilePurpose = keyof typeof FILE_PURPOSES;

/** Photos only: JPEG, PNG or WebP, checked by their first bytes, at most this big. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** POST /api/files: the form field sent with the photo (multipart field `file`). */
export interface UploadRequest {
  purpose: FilePurpose;
}

/** GET /api/files/:id/content query: the signed token of a short-lived link (FileView.url carries it). */
export interface FileLinkQuery {
  t: string;
}

/** POST /api/files (multipart: `file`, `purpose`) */
export interface FileView {
  id: number;
  purpose: FilePurpose;
  mime: string;
  size: number;
  /** A short-lived link (an hour) that an <Image> can load without the session's token. */
  url: string;
}
