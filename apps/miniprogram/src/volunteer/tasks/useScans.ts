import { useEffect, useRef, useState } from 'react';
import { PARCEL_STATE_LABELS, type ParcelTaskView } from '@linli/shared-types';
import { errorMessage, scanDelivery, scanPickup } from '@/api';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import { scanWithCamera } from '@/utils/scan';
import { door } from '../parcels';
import { onNetworkBack, scanQueue, unanswered, type QueuedScan, type ReplayReport, type UnsentScan } from '../scan-queue';
import type { Notice } from './Notice';

/** What a typed or scanned code is for: the parcel's label at the supply point, or the resident's code at the door. */
export type CodeTarget = { kind: 'pickup' } | { kind: 'deliver'; task: ParcelTaskView };

/** A scan as the volunteer remembers it, for a report on its late upload. */
function scanName(scan: QueuedScan): string {
  return scan.kind === 'pickup' ? `${formatTime(scan.scannedAt)} 的取件扫码` : `${scan.door} 的送达扫码`;
}

interface ScansOptions {
  /** Replays the queue, then loads the tasks; `quiet` when the phone's network just changed. */
  reload: (quiet: boolean) => Promise<void>;
  /** The server's answer for a parcel picked up (added when new, e.g. a scanned label). */
  onPickedUp: (task: ParcelTaskView) => void;
  /** …for a parcel done with (delivered, or refused as such on a late scan). */
  onFinished: (task: ParcelTaskView) => void;
  onNotice: (notice: Notice | null) => void;
}

/**
 * The volunteer's scans: the camera (or a typed code) at the supply point and at the door, sent
 * at once; without an answer kept on the phone with their time and sent again, oldest first,
 * when the network is back or on 现在补传.
 */
export function useScans({ reload, onPickedUp, onFinished, onNotice }: ScansOptions) {
  /** Scans made without network, waiting to be sent (kept in storage; this is its copy on screen). */
  const [queue, setQueue] = useState<QueuedScan[]>(() => scanQueue.load());
  const [replayBusy, setReplayBusy] = useState(false);
  const [target, setTarget] = useState<CodeTarget | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');

  /** The queued scans the server answered: tasks updated, refusals explained. */
  const reportReplay = (reports: ReplayReport[]) => {
    setQueue(scanQueue.load());
    if (reports.length === 0) return;
    for (const { result } of reports) {
      if (!result) continue;
      if (result.state === 'PICKED_UP') onPickedUp(result);
      else onFinished(result);
    }
    const refused = reports.filter((r) => r.error !== undefined);
    if (refused.length > 0) {
      onNotice({
        ok: false,
        title: `有 ${refused.length} 条补传的扫码没有成功`,
        text: '请看下面的原因，需要时再扫一次',
        lines: refused.map((r) => `${scanName(r.scan)}：${errorMessage(r.error)}`),
      });
    } else {
      onNotice({ ok: true, title: '扫码已补传', text: `没网时的 ${reports.length} 条扫码都已上传` });
    }
  };

  /** Sends the scans kept while offline, oldest first (nothing to do when there are none). */
  const replay = async () => {
    if (scanQueue.load().length === 0) {
      setQueue([]);
      return;
    }
    reportReplay(await scanQueue.replay());
  };

  /** The network is back: send what was kept, then show the tasks as the server has them. */
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => onNetworkBack(() => void reloadRef.current(true)), []);

  const replayNow = async () => {
    setReplayBusy(true);
    try {
      await reloadRef.current(false);
    } finally {
      setReplayBusy(false);
    }
  };

  const close = () => {
    setTarget(null);
    setCode('');
    setError('');
  };

  /** No answer came back: the scan waits on the phone with its time and a key of its own. */
  const keep = (scan: UnsentScan) => {
    setQueue(scanQueue.queueScan(scan));
    close();
    onNotice({ ok: false, title: '没有网络，扫码已存在手机上', text: '联网后会自动补传，不用再扫' });
  };

  /** The code being checked; a refusal is explained in the code panel (opened if the camera was used). */
  const sentTarget = useRef<CodeTarget | null>(null);
  const refused = (e: unknown) => {
    setError(errorMessage(e));
    setTarget(sentTarget.current);
    return true;
  };

  /** A scan is sent at once; kept on the phone, with the time it was made, when no answer comes back. */
  const pickUp = useAction(async (value: string, key: string) => {
    const scannedAt = new Date().toISOString();
    try {
      const result = await scanPickup({ code: value }, key);
      close();
      onPickedUp(result);
      onNotice({ ok: true, title: '已取件', text: `${door(result)}：送到门口后点「扫码送达」` });
      return result;
    } catch (e) {
      if (!unanswered(e)) throw e;
      keep({ kind: 'pickup', code: value, scannedAt });
      return null;
    }
  }, refused);

  const deliver = useAction(async ({ task, code: value }: { task: ParcelTaskView; code: string }, key: string) => {
    const scannedAt = new Date().toISOString();
    try {
      const result = await scanDelivery(task.id, { code: value }, key);
      close();
      onFinished(result);
      onNotice({ ok: true, title: PARCEL_STATE_LABELS[result.state], text: `${door(result)} 已交到住户手里` });
      return result;
    } catch (e) {
      if (!unanswered(e)) throw e;
      keep({ kind: 'deliver', taskId: task.id, door: door(task), code: value, scannedAt });
      return null;
    }
  }, refused);

  const submit = (to: CodeTarget, value: string) => {
    const trimmed = value.trim();
    if (!trimmed) {
      setError('请先扫码或输入编号');
      return;
    }
    setError('');
    sentTarget.current = to;
    if (to.kind === 'pickup') void pickUp.run(trimmed);
    else void deliver.run({ task: to.task, code: trimmed });
  };

  /** WeChat: the camera straight away; the browser (or a failed scan): type the code. */
  const scan = async (to: CodeTarget) => {
    onNotice(null);
    const got = await scanWithCamera();
    if (got.kind === 'code') submit(to, got.code);
    else if (got.kind === 'type') {
      setCode('');
      setError(got.failed ? '没有扫到，请再扫一次或输入编号' : '');
      setTarget(to);
    }
  };

  return {
    queue,
    replay,
    replayNow,
    replayBusy,
    /** Door scans waiting on the phone, by task id; and whether a pick-up scan waits. */
    queuedDoors: new Set(queue.flatMap((q) => (q.kind === 'deliver' ? [q.taskId] : []))),
    queuedPickups: queue.some((q) => q.kind === 'pickup'),
    /** The code sheet. */
    sheet: { target, code, error, busy: pickUp.busy || deliver.busy, setCode, submit: (to: CodeTarget) => submit(to, code), close },
    pickUpBusy: pickUp.busy,
    scan,
  };
}
