import Taro from '@tarojs/taro';
import type { ParcelTaskView } from '@linli/shared-types';
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
function scanBody(scan: QueuedScan): { code: string; scannedAt: string } {
  return { code: scan.code, scannedAt: scan.scannedAt };
}

// ---- the queue in Taro storage ----------------------------------------------------------

export function loadQueue(): QueuedScan[] {
  try {
    return parseQueue(Taro.getStorageSync(STORAGE_KEY));
  } catch {
    return [];
  }
}

function saveQueue(queue: QueuedScan[]): void {
  if (queue.length === 0) Taro.removeStorageSync(STORAGE_KEY);
  else Taro.setStorageSync(STORAGE_KEY, JSON.stringify(queue));
}

/** Keeps a scan that got no answer, under a key of its own; returns the queue. */
export function queueScan(scan: UnsentScan): QueuedScan[] {
  const queue = enqueue(loadQueue(), { ...scan, key: newIdempotencyKey() });
  saveQueue(queue);
  return queue;
}

function forget(key: string): void {
  saveQueue(dequeue(loadQueue(), key));
}

// ---- sending ----------------------------------------------------------------------------

/** Sends a queued scan with its own key and time (the same request every time). */
function sendScan(scan: QueuedScan): Promise<ParcelTaskView> {
  return scan.kind === 'pickup' ? scanPickup(scanBody(scan), scan.key) : scanDelivery(scan.taskId, scanBody(scan), scan.key);
}

let replaying: Promise<ReplayReport[]> | null = null;

/**
 * Sends the queued scans one by one, oldest first, dropping each the server answered; stops at
 * the first that still gets no answer (the rest wait with it). One replay at a time.
 */
export function replayQueue(): Promise<ReplayReport[]> {
  if (replaying) return replaying;
  const run = async (): Promise<ReplayReport[]> => {
    const reports: ReplayReport[] = [];
    for (const scan of loadQueue()) {
      let result: ParcelTaskView | undefined;
      let error: unknown = null;
      try {
        result = await sendScan(scan);
      } catch (e) {
        error = e;
      }
      const outcome = outcomeOf(error);
      if (outcome === 'later') break;
      forget(scan.key);
      reports.push(outcome === 'sent' ? { scan, result } : { scan, error });
    }
    return reports;
  };
  replaying = run().finally(() => {
    replaying = null;
  });
  return replaying;
}

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
