import { describe, expect, it, jest } from '@jest/globals';
import type { ParcelTaskView, ScanRequest } from '@linli/shared-types';
import { ApiError } from '@/api';
import { createScanQueue, enqueue, outcomeOf, parseQueue, type QueueStorage, type QueuedScan, type ScanApi } from './scan-queue';

/** Taro's sync storage as a map; what was written is what the next start of the app reads. */
class FakeStorage implements QueueStorage {
  readonly data = new Map<string, string>();
  getStorageSync(key: string): unknown {
    return this.data.get(key) ?? '';
  }
  setStorageSync(key: string, data: string): void {
    this.data.set(key, data);
  }
  removeStorageSync(key: string): void {
    this.data.delete(key);
  }
}

interface Sent {
  path: string;
  body: ScanRequest;
  key: string;
}

/** The server as the queue sees it: answers (or fails) each call in turn, and records what was sent. */
function fakeApi(...answers: (ParcelTaskView | Error)[]): ScanApi & { sent: Sent[] } {
  const sent: Sent[] = [];
  const answer = (path: string, body: ScanRequest, key: string): Promise<ParcelTaskView> => {
    sent.push({ path, body, key });
    const next = answers.shift();
    if (next === undefined) return Promise.reject(new Error('no answer planned for this call'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return {
    sent,
    scanPickup: (body, key) => answer('pickup', body, key),
    scanDelivery: (taskId, body, key) => answer(`deliver/${taskId}`, body, key),
  };
}

function keys(): () => string {
  let n = 0;
  return () => `key-${(n += 1)}`;
}

function task(id: number, state: ParcelTaskView['state']): ParcelTaskView {
  return { id, state } as ParcelTaskView;
}

const offline = () => new ApiError('NETWORK_ERROR', 0, '');
const taken = () => new ApiError('PARCEL_TAKEN', 409, '这个包裹已经由别的志愿者负责了');

const pickup = { kind: 'pickup', code: 'LABEL-1', scannedAt: '2026-04-25T01:00:00.000Z' } as const;
const door = { kind: 'deliver', taskId: 7, door: '3栋 2单元 1203', code: 'QR-7', scannedAt: '2026-04-25T01:20:00.000Z' } as const;

describe('scan queue', () => {
  it('keeps scans in the order they were made, each under a key of its own, across a restart', () => {
    const storage = new FakeStorage();
    const queue = createScanQueue(storage, fakeApi(), keys());
    queue.queueScan(pickup);
    queue.queueScan(door);

    const afterRestart = createScanQueue(storage, fakeApi(), keys());
    expect(afterRestart.load()).toEqual([
      { ...pickup, key: 'key-1' },
      { ...door, key: 'key-2' },
    ]);
  });

  it('keeps a second scan of the same code once, with the time of the first', () => {
    const queue = createScanQueue(new FakeStorage(), fakeApi(), keys());
    queue.queueScan(pickup);
    const again = queue.queueScan({ ...pickup, scannedAt: '2026-04-25T01:05:00.000Z' });
    expect(again).toEqual([{ ...pickup, key: 'key-1' }]);
    // The same code at another door is another scan.
    expect(queue.queueScan({ ...door, code: 'LABEL-1', taskId: 8 })).toHaveLength(2);
  });

  it('replays oldest first, each with its own Idempotency-Key and the time it was scanned, then forgets them', async () => {
    const storage = new FakeStorage();
    const api = fakeApi(task(7, 'PICKED_UP'), task(7, 'DELIVERED'));
    const queue = createScanQueue(storage, api, keys());
    queue.queueScan(pickup);
    queue.queueScan(door);

    const reports = await queue.replay();

    expect(api.sent).toEqual([
      { path: 'pickup', body: { code: 'LABEL-1', scannedAt: pickup.scannedAt }, key: 'key-1' },
      { path: 'deliver/7', body: { code: 'QR-7', scannedAt: door.scannedAt }, key: 'key-2' },
    ]);
    expect(reports.map((r) => [r.scan.key, r.result?.state, r.error])).toEqual([
      ['key-1', 'PICKED_UP', undefined],
      ['key-2', 'DELIVERED', undefined],
    ]);
    expect(queue.load()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('drops a scan the server refuses and reports why, and goes on with the next', async () => {
    const refusal = taken();
    const api = fakeApi(refusal, task(7, 'DELIVERED'));
    const queue = createScanQueue(new FakeStorage(), api, keys());
    queue.queueScan(pickup);
    queue.queueScan(door);

    const reports = await queue.replay();

    expect(reports).toEqual([
      { scan: { ...pickup, key: 'key-1' }, error: refusal },
      { scan: { ...door, key: 'key-2' }, result: task(7, 'DELIVERED') },
    ]);
    expect(queue.load()).toEqual([]);
  });

  it('stops at a scan that still gets no answer: it and those after it wait, unsent, for the next replay', async () => {
    const storage = new FakeStorage();
    const api = fakeApi(offline());
    const queue = createScanQueue(storage, api, keys());
    queue.queueScan(pickup);
    queue.queueScan(door);

    await expect(queue.replay()).resolves.toEqual([]);
    expect(api.sent.map((s) => s.key)).toEqual(['key-1']);
    expect(
      createScanQueue(storage, fakeApi(), keys())
        .load()
        .map((q) => q.key),
    ).toEqual(['key-1', 'key-2']);

    // Back online: the same requests, with the same keys and times as the first try.
    const back = fakeApi(task(7, 'PICKED_UP'), task(7, 'DELIVERED'));
    const reports = await createScanQueue(storage, back, keys()).replay();
    expect(reports).toHaveLength(2);
    expect(back.sent.map((s) => [s.key, s.body.scannedAt])).toEqual([
      ['key-1', pickup.scannedAt],
      ['key-2', door.scannedAt],
    ]);
  });

  it('keeps a scan for later when the server is in trouble or the login has expired', async () => {
    for (const error of [new ApiError('INTERNAL', 500, ''), new ApiError('UNAUTHENTICATED', 401, ''), new Error('boom')]) {
      const queue = createScanQueue(new FakeStorage(), fakeApi(error), keys());
      queue.queueScan(pickup);
      await expect(queue.replay()).resolves.toEqual([]);
      expect(queue.load()).toHaveLength(1);
    }
  });

  it('runs one replay at a time: a second call while sending gets the same answer and sends nothing twice', async () => {
    const api = fakeApi(task(7, 'PICKED_UP'));
    const queue = createScanQueue(new FakeStorage(), api, keys());
    queue.queueScan(pickup);

    const [first, second] = await Promise.all([queue.replay(), queue.replay()]);

    expect(second).toBe(first);
    expect(api.sent).toHaveLength(1);
  });

  it('sends nothing when nothing waits', async () => {
    const api = fakeApi();
    const scanPickup = jest.spyOn(api, 'scanPickup');
    await expect(createScanQueue(new FakeStorage(), api, keys()).replay()).resolves.toEqual([]);
    expect(scanPickup).not.toHaveBeenCalled();
  });
});

describe('parseQueue', () => {
  const valid: QueuedScan = { ...door, key: 'k' };

  it('reads back what was stored, skipping entries that are not scans', () => {
    const stored = JSON.stringify([valid, { kind: 'deliver', code: 'x', scannedAt: 't', key: 'k2' }, { ...pickup, key: '' }, 42]);
    expect(parseQueue(stored)).toEqual([valid]);
  });

  it('reads nothing from an empty, broken or foreign value', () => {
    expect(parseQueue('')).toEqual([]);
    expect(parseQueue('{not json')).toEqual([]);
    expect(parseQueue({ kind: 'pickup' })).toEqual([]);
    expect(parseQueue(undefined)).toEqual([]);
  });
});

describe('enqueue', () => {
  it('adds a scan at the end, but not one whose key already waits', () => {
    const first: QueuedScan = { ...pickup, key: 'a' };
    const second: QueuedScan = { ...door, key: 'b' };
    expect(enqueue([first], second)).toEqual([first, second]);
    expect(enqueue([first, second], { ...pickup, code: 'OTHER', key: 'b' })).toEqual([first, second]);
  });
});

describe('outcomeOf', () => {
  it('tells a scan sent from one refused and one to send again', () => {
    expect(outcomeOf(null)).toBe('sent');
    expect(outcomeOf(taken())).toBe('refused');
    expect(outcomeOf(new ApiError('QR_INVALID', 400, ''))).toBe('refused');
    expect(outcomeOf(offline())).toBe('later');
    expect(outcomeOf(new ApiError('SERVICE_UNAVAILABLE', 503, ''))).toBe('later');
    expect(outcomeOf(new ApiError('UNAUTHENTICATED', 401, ''))).toBe('later');
  });
});
