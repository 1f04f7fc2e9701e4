import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FAILURE_REASON_LABELS, FAILURE_REASONS, PARCEL_STATE_LABELS, type FailureReason, type ParcelTaskView } from '@linli/shared-types';
import {
  acceptTask,
  declineTask,
  errorMessage,
  failTask,
  leaveAtDoor,
  listVolunteerTasks,
  getDuty,
  pickPhoto,
  scanDelivery,
  scanPickup,
  setDuty,
  showApiError,
  uploadPhoto,
  type PickedFile,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Sheet } from '@/components/Sheet';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { byBuilding, door } from '../parcels';
import { onNetworkBack, scanQueue, unanswered, type QueuedScan, type ReplayReport, type UnsentScan } from '../scan-queue';
import './index.css';

/**
 * The server has no "am I on duty" question; the answer of the last switch on this phone is
 * remembered here (the switch always sends the state it shows, so a stale value corrects itself).
 */

/** What a typed or scanned code is for: the parcel's label at the supply point, or the resident's code at the door. */
type CodeTarget = { kind: 'pickup' } | { kind: 'deliver'; task: ParcelTaskView };

/** A scan as the volunteer remembers it, for a report on its late upload. */
function scanName(scan: QueuedScan): string {
  return scan.kind === 'pickup' ? `${formatTime(scan.scannedAt)} 的取件扫码` : `${scan.door} 的送达扫码`;
}

/** True when the person closed WeChat's scanner without scanning (not an error to report). */
function cancelledScan(error: unknown): boolean {
  const msg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof msg === 'string' && msg.includes('cancel');
}

/**
 * 志愿者任务: on/off duty, my parcels by building and door, pick-up and door scans (kept on the
 * phone without network and sent when it returns), and contactless delivery with a photo.
 */
export default function VolunteerTasksPage() {
  const [tasks, setTasks] = useState<ParcelTaskView[] | null>(null);
  /** Finished on this phone since the page opened (the server lists open tasks only). */
  const [done, setDone] = useState<ParcelTaskView[]>([]);
  /** On duty, as the server has it; null until loaded. */
  const [savedDuty, setSavedDuty] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; title: string; text: string; lines?: string[] } | null>(null);
  /** Scans made without network, waiting to be sent (kept in storage; this is its copy on screen). */
  const [queue, setQueue] = useState<QueuedScan[]>(() => scanQueue.load());
  const [replayBusy, setReplayBusy] = useState(false);
  const [codeTarget, setCodeTarget] = useState<CodeTarget | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [declining, setDeclining] = useState<ParcelTaskView | null>(null);
  const [failing, setFailing] = useState<ParcelTaskView | null>(null);

  const onDuty = savedDuty ?? false;

  /** Puts the server's answer for one task in place (added when new, e.g. a scanned label). */
  const replace = (next: ParcelTaskView) => {
    setTasks((list) => {
      const current = list ?? [];
      return current.some((t) => t.id === next.id) ? current.map((t) => (t.id === next.id ? next : t)) : [...current, next];
    });
  };
  const finish = (next: ParcelTaskView) => {
    setTasks((list) => (list ?? []).filter((t) => t.id !== next.id));
    setDone((list) => [next, ...list.filter((t) => t.id !== next.id)]);
  };

  /** The queued scans the server answered: tasks updated, refusals explained. */
  const reportReplay = (reports: ReplayReport[]) => {
    setQueue(scanQueue.load());
    if (reports.length === 0) return;
    for (const { result } of reports) {
      if (!result) continue;
      if (result.state === 'PICKED_UP') replace(result);
      else finish(result);
    }
    const refused = reports.filter((r) => r.error !== undefined);
    if (refused.length > 0) {
      setNotice({
        ok: false,
        title: `有 ${refused.length} 条补传的扫码没有成功`,
        text: '请看下面的原因，需要时再扫一次',
        lines: refused.map((r) => `${scanName(r.scan)}：${errorMessage(r.error)}`),
      });
    } else {
      setNotice({ ok: true, title: '扫码已补传', text: `没网时的 ${reports.length} 条扫码都已上传` });
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

  /** Queued scans first, then the tasks; `quiet` when the phone's network just changed (no toast for no answer). */
  const load = async (quiet = false) => {
    await replay();
    try {
      const [list, dutyNow] = await Promise.all([listVolunteerTasks(), getDuty()]);
      setTasks(list);
      setSavedDuty(dutyNow.onDuty);
    } catch (error) {
      if (!quiet || !unanswered(error)) showApiError(error);
    }
  };

  useRefresh(load);

  /** The network is back: send what was kept, then show the tasks as the server has them. */
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => onNetworkBack(() => void loadRef.current(true)), []);

  const replayNow = async () => {
    setReplayBusy(true);
    try {
      await load();
    } finally {
      setReplayBusy(false);
    }
  };

  /** No answer came back: the scan waits on the phone with its time and a key of its own. */
  const keep = (scan: UnsentScan) => {
    setQueue(scanQueue.queueScan(scan));
    closeCode();
    setNotice({ ok: false, title: '没有网络，扫码已存在手机上', text: '联网后会自动补传，不用再扫' });
  };

  const duty = useAction(async (next: boolean, key: string) => {
    const result = await setDuty({ onDuty: next }, key);
    setSavedDuty(result.onDuty);
    void Taro.showToast({ title: result.onDuty ? '已上岗' : '已下岗', icon: 'success' });
    await load();
    return result;
  });

  const accept = useAction(async (id: number, key: string) => {
    const result = await acceptTask(id, key);
    replace(result);
    setNotice({ ok: true, title: '已接单', text: `${door(result)}：到取货点后点下方「扫码取件」` });
    return result;
  });

  const decline = useAction(async (id: number, key: string) => {
    const result = await declineTask(id, key);
    setDeclining(null);
    setTasks((list) => (list ?? []).filter((t) => t.id !== id));
    void Taro.showToast({ title: '已退回', icon: 'success' });
    return result;
  });

  /** The code being checked; a refusal is explained in the code panel (opened if the camera was used). */
  const sentTarget = useRef<CodeTarget | null>(null);
  const codeRefused = (error: unknown) => {
    setCodeError(errorMessage(error));
    setCodeTarget(sentTarget.current);
    return true;
  };

  /** A scan is sent at once; kept on the phone, with the time it was made, when no answer comes back. */
  const pickUp = useAction(async (code: string, key: string) => {
    const scannedAt = new Date().toISOString();
    try {
      const result = await scanPickup({ code }, key);
      closeCode();
      replace(result);
      setNotice({ ok: true, title: '已取件', text: `${door(result)}：送到门口后点「扫码送达」` });
      return result;
    } catch (error) {
      if (!unanswered(error)) throw error;
      keep({ kind: 'pickup', code, scannedAt });
      return null;
    }
  }, codeRefused);

  const deliver = useAction(async ({ task, code }: { task: ParcelTaskView; code: string }, key: string) => {
    const scannedAt = new Date().toISOString();
    try {
      const result = await scanDelivery(task.id, { code }, key);
      closeCode();
      finish(result);
      setNotice({ ok: true, title: PARCEL_STATE_LABELS[result.state], text: `${door(result)} 已交到住户手里` });
      return result;
    } catch (error) {
      if (!unanswered(error)) throw error;
      keep({ kind: 'deliver', taskId: task.id, door: door(task), code, scannedAt });
      return null;
    }
  }, codeRefused);

  /** Contactless: the photo is uploaded first, then the parcel is marked as left at the door. */
  const leave = useAction(
    async ({ task, photo }: { task: ParcelTaskView; photo: PickedFile; takenAt: number }, key: string) => {
      const file = await uploadPhoto(photo, 'contactless', `${key}-photo`);
      const result = await leaveAtDoor(task.id, { photoFileId: file.id }, `${key}-leave`);
      finish(result);
      setNotice({ ok: true, title: '已放门口', text: `${door(result)}：照片已发给住户，住户确认后就算送达` });
      return result;
    },
    (error) => {
      setNotice({ ok: false, title: '没有放成功', text: errorMessage(error) });
      return true;
    },
  );

  const fail = useAction(async ({ id, reason }: { id: number; reason: FailureReason }, key: string) => {
    const result = await failTask(id, reason, key);
    setFailing(null);
    finish(result);
    setNotice({ ok: false, title: '已记录没送成', text: `${door(result)}：${FAILURE_REASON_LABELS[reason]}，请把包裹交回取货点` });
    return result;
  });

  function closeCode() {
    setCodeTarget(null);
    setCode('');
    setCodeError('');
  }

  const submit = (target: CodeTarget, value: string) => {
    const trimmed = value.trim();
    if (!trimmed) {
      setCodeError('请先扫码或输入编号');
      return;
    }
    setCodeError('');
    sentTarget.current = target;
    if (target.kind === 'pickup') void pickUp.run(trimmed);
    else void deliver.run({ task: target.task, code: trimmed });
  };

  /** 无接触: a photo of the parcel at the door, then it is left there. */
  const leaveWithPhoto = async (task: ParcelTaskView) => {
    setNotice(null);
    const photo = await pickPhoto();
    if (photo) void leave.run({ task, photo, takenAt: Date.now() });
  };

  /** WeChat: the camera straight away; the browser (or a failed scan): type the code. */
  const scan = async (target: CodeTarget) => {
    setNotice(null);
    if (process.env.TARO_ENV !== 'weapp') {
      setCode('');
      setCodeError('');
      setCodeTarget(target);
      return;
    }
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true });
      submit(target, res.result);
    } catch (error) {
      if (!cancelledScan(error)) {
        setCodeError('没有扫到，请再扫一次或输入编号');
        setCodeTarget(target);
      }
    }
  };

  const call = (phone: string) => {
    void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
  };

  const codeBusy = pickUp.busy || deliver.busy;
  const queuedDoors = new Set(queue.flatMap((q) => (q.kind === 'deliver' ? [q.taskId] : [])));
  const queuedPickups = queue.some((q) => q.kind === 'pickup');

  return (
    <View className="page volunteer">
      <View
        id="duty-switch"
        role="switch"
        aria-checked={onDuty}
        className={onDuty ? 'duty duty--on' : 'duty'}
        onClick={() => void duty.run(!onDuty)}
      >
        <View>
          <View id="duty-state" className="duty__state">
            {onDuty ? '上岗中' : '已下岗'}
          </View>
          <View className="duty__hint">{duty.busy ? '正在切换…' : onDuty ? '点这里下岗' : '点这里上岗，开始接单'}</View>
        </View>
        <View className="duty__track">
          <View className="duty__knob" />
        </View>
      </View>

      {queue.length > 0 ? (
        <View id="scan-queue" className="status status--pending" role="status">
          <View id="scan-queue-text" className="status__title">{`有 ${queue.length} 条扫码还没上传，联网后会自动补传`}</View>
          <Button id="scan-queue-retry" size="large" block fill="outline" loading={replayBusy} onClick={() => void replayNow()}>
            现在补传
          </Button>
        </View>
      ) : null}

      {notice ? (
        <View id="vol-notice" className={notice.ok ? 'status status--ok' : 'status status--pending'}>
          <View className="status__title">{notice.title}</View>
          <View className="text">{notice.text}</View>
          {notice.lines?.map((line) => (
            <View key={line} className="text notice-line">
              {line}
            </View>
          ))}
        </View>
      ) : null}

      {tasks === null ? <View className="loading">正在加载…</View> : null}
      {tasks !== null && tasks.length === 0 ? (
        <View className="empty" id="tasks-empty">
          {onDuty ? '暂时没有任务，派单后会出现在这里（下拉可刷新）' : '上岗后才会给您派单'}
        </View>
      ) : null}

      {byBuilding(tasks ?? []).map((group) => (
        <View key={group.building} className="task-group">
          <View className="task-group__title">{`${group.building}（${group.tasks.length} 件）`}</View>
          {group.tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              busy={accept.busy}
              queued={queuedDoors.has(task.id)}
              pickupQueued={queuedPickups}
              leaving={leave.busy}
              onAccept={() => void accept.run(task.id)}
              onDecline={() => setDeclining(task)}
              onDeliver={() => void scan({ kind: 'deliver', task })}
              onLeave={() => void leaveWithPhoto(task)}
              onFail={() => setFailing(task)}
              onCall={call}
            />
          ))}
        </View>
      ))}

      {done.length > 0 ? (
        <View className="task-group" id="tasks-done">
          <View className="task-group__title">刚完成</View>
          {done.map((task) => (
            <View key={task.id} id={`done-${task.id}`} className="card task task--done">
              <View className="task__head">
                <View className="task__door">{door(task)}</View>
                <View className={`task__state task__state--${task.state}`}>{PARCEL_STATE_LABELS[task.state]}</View>
              </View>
              <View className="task__contents">{task.contents}</View>
            </View>
          ))}
        </View>
      ) : null}

      <View className="vol-bar">
        <Button id="scan-pickup" type="primary" size="large" block loading={pickUp.busy} onClick={() => void scan({ kind: 'pickup' })}>
          扫码取件
        </Button>
      </View>

      <Sheet
        id="code-sheet"
        visible={codeTarget !== null}
        title={codeTarget?.kind === 'deliver' ? `送达 ${door(codeTarget.task)}` : '扫码取件'}
        onClose={closeCode}
      >
        <View className="text sheet-hint">
          {codeTarget?.kind === 'deliver'
            ? '请住户出示订单里的取货二维码；扫不了时输入码下的编号'
            : '扫包裹标签上的二维码；扫不了时输入标签上的编号'}
        </View>
        <TextInput id="code-input" value={code} onChange={setCode} placeholder="输入编号" maxlength={500} invalid={codeError !== ''} />
        {codeError ? (
          <View id="code-error" className="error-text code-error" role="alert">
            {codeError}
          </View>
        ) : null}
        {process.env.TARO_ENV === 'weapp' && codeTarget ? (
          <View className="gap-top">
            <Button id="code-rescan" size="large" block fill="outline" onClick={() => void scan(codeTarget)}>
              再扫一次
            </Button>
          </View>
        ) : null}
        <View className="gap-top">
          <View className="button-row">
            <Button id="code-cancel" size="large" fill="outline" disabled={codeBusy} onClick={closeCode}>
              取消
            </Button>
            <Button id="code-submit" type="primary" size="large" loading={codeBusy} onClick={() => codeTarget && submit(codeTarget, code)}>
              确定
            </Button>
          </View>
        </View>
      </Sheet>

      <Sheet
        id="fail-sheet"
        visible={failing !== null}
        title={failing ? `没送成：${door(failing)}` : '没送成'}
        onClose={() => setFailing(null)}
      >
        <View className="text sheet-hint">选一个原因，包裹请交回取货点</View>
        <View className="button-stack">
          {FAILURE_REASONS.map((reason) => (
            <Button
              key={reason}
              id={`fail-${reason}`}
              size="large"
              block
              fill="outline"
              disabled={fail.busy}
              onClick={() => failing && void fail.run({ id: failing.id, reason })}
            >
              {FAILURE_REASON_LABELS[reason]}
            </Button>
          ))}
          <Button id="fail-cancel" size="large" block onClick={() => setFailing(null)}>
            取消
          </Button>
        </View>
      </Sheet>

      <ConfirmDialog
        visible={declining !== null}
        title="退回这个任务"
        confirmText="退回"
        cancelText="不退回"
        danger
        busy={decline.busy}
        onConfirm={() => declining && void decline.run(declining.id)}
        onCancel={() => setDeclining(null)}
      >
        {declining ? `${door(declining)} 的包裹会退回社区，重新派给别的志愿者。` : ''}
      </ConfirmDialog>
    </View>
  );
}

interface TaskCardProps {
  task: ParcelTaskView;
  busy: boolean;
  /** Its door scan waits on the phone for the network. */
  queued: boolean;
  /** A pick-up scan waits on the phone: this parcel may be the one picked up. */
  pickupQueued: boolean;
  leaving: boolean;
  onAccept: () => void;
  onDecline: () => void;
  onDeliver: () => void;
  onLeave: () => void;
  onFail: () => void;
  onCall: (phone: string) => void;
}

/** One door: where, what, the state, and the buttons the server allows (main one on the right). */
function TaskCard(props: TaskCardProps) {
  const { task, busy, queued, pickupQueued, leaving, onAccept, onDecline, onDeliver, onLeave, onFail, onCall } = props;
  const can = (state: ParcelTaskView['state']) => !queued && task.actions.includes(state);
  // Picked up without network: the door scan may follow (both are sent in order later).
  const deliverable = can('DELIVERED') || (!queued && pickupQueued && task.state === 'ACCEPTED');
  return (
    <View id={`task-${task.id}`} className="card task">
      <View className="task__head">
        <View className="task__door">{door(task)}</View>
        <View id={`task-${task.id}-state`} className={`task__state task__state--${task.state}`}>
          {PARCEL_STATE_LABELS[task.state]}
        </View>
      </View>
      <View className="task__contents">{task.contents}</View>
      {task.phone ? (
        <View className="task__phone">
          <View className="task__phone-number">{task.phone}</View>
          <Button id={`task-${task.id}-call`} size="large" fill="outline" onClick={() => onCall(task.phone ?? '')}>
            拨打
          </Button>
        </View>
      ) : null}
      {task.state === 'ACCEPTED' && !queued ? <View className="task__hint">到取货点后点下方「扫码取件」扫包裹标签</View> : null}
      {queued ? (
        <View id={`task-${task.id}-queued`} className="task__hint task__hint--queued">
          已扫码送达，联网后自动上传
        </View>
      ) : null}
      <View className="button-row task__buttons">
        {task.state !== 'PICKED_UP' && can('READY') ? (
          <Button id={`task-${task.id}-decline`} size="large" fill="outline" onClick={onDecline}>
            退回
          </Button>
        ) : null}
        {can('ACCEPTED') ? (
          <Button id={`task-${task.id}-accept`} type="primary" size="large" loading={busy} onClick={onAccept}>
            接单
          </Button>
        ) : null}
        {can('FAILED') ? (
          <Button id={`task-${task.id}-fail`} size="large" fill="outline" onClick={onFail}>
            没送成
          </Button>
        ) : null}
        {deliverable ? (
          <Button id={`task-${task.id}-deliver`} type="primary" size="large" onClick={onDeliver}>
            扫码送达
          </Button>
        ) : null}
      </View>
      {can('LEFT_AT_DOOR') ? (
        <View className="task__contactless">
          <Button id={`task-${task.id}-leave`} size="large" block fill="outline" loading={leaving} onClick={onLeave}>
            无接触：放门口拍照
          </Button>
        </View>
      ) : null}
    </View>
  );
}
