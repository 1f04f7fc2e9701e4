import Taro from '@tarojs/taro';
import type { ParcelTaskView, ScanRequest } from '@linli/shared-types';
import { ApiError, newIdempotencyKey, scanDelivery, scanPickup } from '@/api';

/**
 * Scans made without network (in a basement, a stairwell): kept on the phone with the time they
 * were made and an Idempotency-Key of their own, and sent again in order when the network is
 * back. A replay the server already saw answers the same as the first time, so sending twice is
 * harmless; and a scan that did reach the server on its first try (only the answer was lost)
 * changes nothing when it comes again (a parcel picked up or delivered stays so).
 */

/** A scan of a parcel's label at the supply point that got no answer. */
export interface PickupScan {
  kind: 'pickup';
  code: string;
  /** When it was scanned (ISO), sent as `scannedAt`. */
  scannedAt: string;
}

/** A scan of the resident's code at a door that got no answer. */
export interface DoorScan {
  kind: 'deliver';
  taskId: number;
  /** 3栋 2单元 1203, to tell the volunteer which scan a late answer is about. */
  door: string;
  code: string;
  scannedAt: string;
}

export type UnsentScan = PickupScan | DoorScan;

/** …waiting in the queue with its own key. */
export type QueuedScan = UnsentScan & { key: string };

/** What became of a scan after trying to send it. */
export type ScanOutcome = 'sent' | 'refused' | 'later';

export interface ReplayReport {
  scan: QueuedScan;
  /** The server's answer when it took the scan. */
  result?: ParcelTaskView;
  /** The server's refusal (a 4xx) when it did not. */
  error?: unknown;
}

const STORAGE_KEY = 'linli.scanQueue';

// ---- pure functions ---------------------------------------------------------------------

function isQueuedScan(value: unknown): value is QueuedScan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<string, unknown>>;
  const common = typeof v.code === 'string' && typeof v.scannedAt === 'string' && typeof v.key === 'string' && v.key !== '';
  if (v.kind === 'pickup') return common;
  return v.kind === 'deliver' && common && typeof v.taskId === 'number' && typeof v.door === 'string';
}

/** The queue as stored (a JSON string, or anything else left behind): the valid entries, in order. */
export function parseQueue(stored: unknown): QueuedScan[] {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = stored === '' ? [] : (JSON.parse(stored) as unknown);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.filter(isQueuedScan) : [];
}

/** The same code scanned for the same purpose (a second scan of it adds nothing). */
function sameScan(a: UnsentScan, b: UnsentScan): boolean {
  if (a.kind !== b.kind || a.code !== b.code) return false;
  return a.kind === 'pickup' || (b.kind === 'deliver' && a.taskId === b.taskId);
}

/** The queue with `scan` at the end; once: the same scan (or key) already waiting keeps its place and time. */
export function enqueue(queue: QueuedScan[], scan: QueuedScan): QueuedScan[] {
  return queue.some((q) => q.key === scan.key || sameScan(q, scan)) ? queue : [...queue, scan];
}

/** The queue without the scan of this key. */
export function dequeue(queue: QueuedScan[], key: string): QueuedScan[] {
  return queue.filter((q) => q.key !== key);
}

/** True when the request never got an answer (offline, timeout): the scan is worth keeping. */
export function unanswered(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR';
}

/**
 * After trying to send a queued scan (`error` null when it went through): `sent` (2xx),
 * `refused` (the server said no: a 4xx the volunteer must see, then dropped), or `later` (no
 * answer, the server in trouble, or the login expired: kept and sent again).
 */
export function outcomeOf(error: unknown): ScanOutcome {
  if (error === null) return 'sent';
  if (!(error instanceof ApiError)) return 'later';
  if (error.code === 'NETWORK_ERROR' || error.status >= 500 || error.status === 401) return 'later';
  return 'refused';
}

/** The request body of a scan: the same for the first try and every replay (one fingerprint per key). */
function scanBody(scan: QueuedScan): ScanRequest {
  return { code: scan.code, scannedAt: scan.scannedAt };
}

// ---- the queue and its sending ----------------------------------------------------------

/** Where the queue is kept: Taro's storage on the phone (its sync calls), a fake in tests. */
export interface QueueStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: string): void;
  removeStorageSync(key: string): void;
}

/** The two scan calls of the API. */
export interface ScanApi {
  scanPickup(body: ScanRequest, key: string): Promise<ParcelTaskView>;
  scanDelivery(taskId: number, body: ScanRequest, key: string): Promise<ParcelTaskView>;
}

export interface ScanQueue {
  /** The scans waiting, oldest first. */
  load(): QueuedScan[];
  /** Keeps a scan that got no answer, under a key of its own; returns the queue. */
  queueScan(scan: UnsentScan): QueuedScan[];
  /**
   * Sends the queued scans one by one, oldest first, dropping each the server answered; stops at
   * the first that still gets no answer (the rest wait with it). One replay at a time.
   */
  replay(): Promise<ReplayReport[]>;
}

export function createScanQueue(storage: QueueStorage, api: ScanApi, newKey: () => string): ScanQueue {
  const load = (): QueuedScan[] => {
    try {
      return parseQueue(storage.getStorageSync(STORAGE_KEY));
    } catch {
      return [];
    }
  };

  const save = (queue: QueuedScan[]): void => {
    if (queue.length === 0) storage.removeStorageSync(STORAGE_KEY);
    else storage.setStorageSync(STORAGE_KEY, JSON.stringify(queue));
  };

  const queueScan = (scan: UnsentScan): QueuedScan[] => {
    const queue = enqueue(load(), { ...scan, key: newKey() });
    save(queue);
    return queue;
  };

  /** Sends a queued scan with its own key and time (the same request every time). */
  const send = (scan: QueuedScan): Promise<ParcelTaskView> =>
    scan.kind === 'pickup' ? api.scanPickup(scanBody(scan), scan.key) : api.scanDelivery(scan.taskId, scanBody(scan), scan.key);

  const run = async (): Promise<ReplayReport[]> => {
    const reports: ReplayReport[] = [];
    for (const scan of load()) {
      let result: ParcelTaskView | undefined;
      let error: unknown = null;
      try {
        result = await send(scan);
      } catch (e) {
        error = e;
      }
      const outcome = outcomeOf(error);
      if (outcome === 'later') break;
      save(dequeue(load(), scan.key));
      reports.push(outcome === 'sent' ? { scan, result } : { scan, error });
    }
    return reports;
  };

  let replaying: Promise<ReplayReport[]> | null = null;
  const replay = (): Promise<ReplayReport[]> => {
    if (replaying) return replaying;
    replaying = run().finally(() => {
      replaying = null;
    });
    return replaying;
  };

  return { load, queueScan, replay };
}

/**
 * Taro's storage, called as `Taro.x(...)`: the h5 build rewrites those calls into imports of
 * each API, so the `Taro` object itself, passed as a value, does not carry them in the browser.
 */
const taroStorage: QueueStorage = {
  getStorageSync: (key) => Taro.getStorageSync(key) as unknown,
  setStorageSync: (key, data) => Taro.setStorageSync(key, data),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
};

/** The phone's queue: in Taro's storage, sent through the API. */
export const scanQueue = createScanQueue(taroStorage, { scanPickup, scanDelivery }, newIdempotencyKey);

/**
 * Calls `onBack` whenever the phone gets its network back (WeChat's network status; in the
 * browser also the window's `online` event). Returns the unsubscribe function.
 */
export function onNetworkBack(onBack: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) onBack();
  };
  Taro.onNetworkStatusChange(listener);
  const online = () => onBack();
  if (process.env.TARO_ENV === 'h5') window.addEventListener('online', online);
  return () => {
    Taro.offNetworkStatusChange(listener);
    if (process.env.TARO_ENV === 'h5') window.removeEventListener('online', online);
  };
}
