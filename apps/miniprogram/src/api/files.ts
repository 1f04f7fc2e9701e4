import Taro from '@tarojs/taro';
import { authHeaders, buildUrl, newIdempotencyKey, settle, type Query } from './client';
import { decodeErrorBody, networkError } from './errors';
import { getSession } from './session';

/**
 * File transfers (Excel import and export). They cannot go through Taro.request: weapp has
 * uploadFile/downloadFile for them, and h5 uses fetch with FormData / Blob. Both still go
 * through the same URL, token, Idempotency-Key and error decoding as every other call.
 */

/** A file the person picked: a temp path in weapp, a File in the browser. */
export type PickedFile = { kind: 'path'; path: string; name: string } | { kind: 'blob'; file: File; name: string };

/** Lets the person pick one .xlsx file; null when they cancel. */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const file = res.tempFiles[0];
    return file ? { kind: 'path', path: file.path, name: file.name } : null;
  } catch {
    return null; // cancelled
  }
}

/** POST a picked file as multipart field `file`; answers like `request`. */
export async function uploadFile<T>(path: string, picked: PickedFile, idempotencyKey?: string): Promise<T> {
  const headers = authHeaders(idempotencyKey ?? newIdempotencyKey());
  const hadToken = getSession() !== null;
  const url = buildUrl(path);
  if (process.env.TARO_ENV === 'h5') {
    if (picked.kind !== 'blob') throw networkError();
    const form = new FormData();
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
    res = await Taro.uploadFile({ url, filePath: picked.path, name: 'file', header: headers, timeout: 60000 });
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

/**
 * GET a file (Excel or PDF) and hand it to the person: the browser saves it as `fileName`;
 * WeChat opens it in its document viewer, from where it can be printed, forwarded or saved.
 */
export async function downloadFile(path: string, query: Query, fileName: string): Promise<void> {
  const headers = authHeaders();
  const hadToken = getSession() !== null;
  const url = buildUrl(path, query);
  if (process.env.TARO_ENV === 'h5') {
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch {
      throw networkError();
    }
    if (!res.ok) throw decodeErrorBody(res.status, await res.text());
    const blob = await res.blob();
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
    res = await Taro.downloadFile({ url, header: headers, timeout: 60000 });
  } catch {
    throw networkError();
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    settle(res.statusCode, readTempText(res.tempFilePath), hadToken);
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: documentType(fileName), showMenu: true });
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
