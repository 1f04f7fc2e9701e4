import type { FilePurpose, FileView, UploadRequest } from '@linli/shared-types';
import { uploadFile, type PickedFile } from './transfer';

/** The server's files module: photos uploaded before the call that uses them (contactless, prescription, receipt). */

/** A photo (JPEG, PNG or WebP, 5 MB at most; 415 FILE_NOT_IMAGE, 413 PHOTO_TOO_LARGE). */
export function uploadPhoto(file: PickedFile, purpose: FilePurpose, key?: string): Promise<FileView> {
  return uploadFile('/files', file, key, { purpose } satisfies UploadRequest);
}

/** The receipt photo (purpose `receipt`), uploaded before the purchase is confirmed. */
export function uploadReceipt(file: PickedFile, key?: string): Promise<FileView> {
  return uploadFile('/files', file, key, { purpose: 'receipt' } satisfies UploadRequest);
}
