import Taro from '@tarojs/taro';
import { API_BASE, authHeaders, buildUrl, newIdempotencyKey, settle, type Query } from './client';
import { ApiError, decodeErrorBody, networkError } from './errors';
import { getSession } from './session';

/**
 * File transfers (Excel import and export, photos). They cannot go through Taro.request: weapp has
 * uploadFile/downloadFile for them, and h5 uses fetch with FormData / Blob. Both still go
 * through the same URL, token, Idempotency-Key and error decoding as every other call.
 */

/** A file the person picked: a temp path in weapp, a File in the browser. */
export type PickedFile = { kind: 'path'; path: string; name: string } | { kind: 'blob'; file: File; name: string };

/** The browser's file chooser through a hidden <input type="file">; null when the person cancels. */
function pickInBrowser(accept: string, capture?: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    if (capture) input.setAttribute('capture', capture);
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { kind: 'blob', file, name: file.name } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the person pick one .xlsx file; null when they cancel. */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return pickInBrowser('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const file = res.tempFiles[0];
    return file ? { kind: 'path', path: file.path, name: file.name } : null;
  } catch {
    return null; // cancelled
  }
}

/**
 * Lets the person take one photo with the camera (WeChat compresses it); in the browser, the
 * phone's camera or any picture. Null when they cancel.
 */
export async function pickPhoto(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser('image/*', 'environment');
  try {
    const res = await Taro.chooseImage({ count: 1, sourceType: ['camera'], sizeType: ['compressed'] });
    const path = res.tempFilePaths[0];
    return path ? { kind: 'path', path, name: path.slice(path.lastIndexOf('/') + 1) || 'photo.jpg' } : null;
  } catch {
    return null; // cancelled
  }
}

/**
 * The address of a file link from a view (e.g. ParcelSummary.photoUrl, '/api/files/12/content?t=…'):
 * on the server the client talks to, like every other call.
 */
export function fileUrl(link: string): string {
  return /^https?:\/\//.test(link) ? link : `${API_BASE}${link}`;
}

/** POST a picked file as multipart field `file` (and `fields` as form fields); answers like `request`. */
export async function uploadFile<T>(
  path: string,
  picked: PickedFile,
  idempotencyKey?: string,
  fields: Record<string, string> = {},
): Promise<T> {
  const headers = authHeaders(idempotencyKey ?? newIdempotencyKey());
  const hadToken = getSession() !== null;
  const url = buildUrl(path);
  if (process.env.TARO_ENV === 'h5') {
    if (picked.kind !== 'blob') throw networkError();
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', picked.file, picked.name);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body: form });
    } catch {
      throw networkError();
    }
    const text = await res.text();
    return settle<T>(res.status, parseJson(text), hadToken);
  }
  if (picked.kind !== 'path') throw networkError();
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({ url, filePath: picked.path, name: 'file', formData: fields, header: headers, timeout: 60000 });
  } catch {
    throw networkError();
  }
  return settle<T>(res.statusCode, parseJson(res.data), hadToken);
}

/** The document types WeChat's viewer is asked to open (from the file name's ending). */
export type DocumentType = 'xlsx' | 'pdf';

function documentType(fileName: string): DocumentType {
  return fileName.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
}

/** How far a download has come: bytes so far, and of how many when the server said (Content-Length). */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
}

/** Told as the bytes arrive; the last call (loaded === total) means the whole file is here. */
export type OnDownloadProgress = (progress: DownloadProgress) => void;

/**
 * GET a file (Excel or PDF) and hand it to the person: the browser saves it as `fileName`;
 * WeChat opens it in its document viewer, from where it can be printed, forwarded or saved.
 * `onProgress` follows a large download (a batch of labels is about a megabyte).
 */
export async function downloadFile(path: string, query: Query, fileName: string, onProgress?: OnDownloadProgress): Promise<void> {
  const headers = authHeaders();
  const hadToken = getSession() !== null;
  const url = buildUrl(path, query);
  if (process.env.TARO_ENV === 'h5') {
    let res: Response;
    let blob: Blob;
    try {
      res = await fetch(url, { headers });
      if (!res.ok) throw decodeErrorBody(res.status, await res.text());
      blob = onProgress ? await readWithProgress(res, onProgress) : await res.blob();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw networkError();
    }
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
    return;
  }
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    const task = Taro.downloadFile({ url, header: headers, timeout: 60000 });
    if (onProgress) {
      task.onProgressUpdate((p) => {
        onProgress({ loaded: p.totalBytesWritten, total: p.totalBytesExpectedToWrite > 0 ? p.totalBytesExpectedToWrite : null });
      });
    }
    res = await task;
  } catch {
    throw networkError();
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    settle(res.statusCode, readTempText(res.tempFilePath), hadToken);
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: documentType(fileName), showMenu: true });
}

/** The browser: the body read chunk by chunk, counted against Content-Length, as one Blob. */
async function readWithProgress(res: Response, onProgress: OnDownloadProgress): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const length = Number(res.headers.get('Content-Length'));
  // A compressed answer's Content-Length counts compressed bytes: no total then.
  const total = Number.isFinite(length) && length > 0 && !res.headers.get('Content-Encoding') ? length : null;
  const reader = res.body?.getReader();
  if (!reader) {
    const whole = await res.blob();
    onProgress({ loaded: whole.size, total: whole.size });
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total: total !== null ? Math.max(total, loaded) : null });
  }
  onProgress({ loaded, total: loaded });
  return new Blob(chunks, { type });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The error body WeChat saved into the temp file of a failed download. */
function readTempText(filePath: string): unknown {
  try {
    return parseJson(String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8')));
  } catch {
    return null;
  }
}
