import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FAILURE_REASON_LABELS, type FailureReason, type ParcelTaskView } from '@linli/shared-types';
import {
  acceptTask,
  askSubscribe,
  declineTask,
  errorMessage,
  failTask,
  leaveAtDoor,
  listVolunteerTasks,
  getDuty,
  pickPhoto,
  setDuty,
  showApiError,
  uploadPhoto,
  type PickedFile,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { byBuilding, door } from '../parcels';
import { unanswered } from '../scan-queue';
import { CodeSheet } from './CodeSheet';
import { DutySwitch } from './DutySwitch';
import { FailSheet } from './FailSheet';
import { NoticeBox, type Notice } from './Notice';
import { DoneCard, TaskCard } from './TaskCard';
import { useDoor } from './useDoor';
import { useScans } from './useScans';
import '../volunteer.css';
import './index.css';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 志愿者任务: on/off duty, my parcels by building and door, pick-up and door scans (kept on the
 * phone without network and sent when it returns), contactless delivery with a photo, the cash
 * to collect at the door (已收款) and a call to the household on its real number.
 */
export default function VolunteerTasksPage() {
  const pageClassVolunteer = usePageClass('volunteer');
  useSubscribeReady('duty');
  const [tasks, setTasks] = useState<ParcelTaskView[] | null>(null);
  /** Finished on this phone since the page opened (the server lists open tasks only). */
  const [done, setDone] = useState<ParcelTaskView[]>([]);
  /** On duty, as the server has it; null until loaded. */
  const [savedDuty, setSavedDuty] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
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
  /** A task changed where it is (已收款 on an open or a 刚完成 card). */
  const update = (next: ParcelTaskView) => {
    const swap = (list: ParcelTaskView[]) => list.map((t) => (t.id === next.id ? next : t));
    setTasks((list) => (list ? swap(list) : list));
    setDone(swap);
  };

  const scans = useScans({ reload: (quiet) => load(quiet), onPickedUp: replace, onFinished: finish, onNotice: setNotice });
  const doors = useDoor({ onTask: update, reload: () => load(), onNotice: setNotice });

  /** Queued scans first, then the tasks; `quiet` when the phone's network just changed (no toast for no answer). */
  const load = async (quiet = false) => {
    await scans.replay();
    try {
      const [list, dutyNow] = await Promise.all([listVolunteerTasks(), getDuty()]);
      setTasks(list);
      setSavedDuty(dutyNow.onDuty);
    } catch (error) {
      if (!quiet || !unanswered(error)) showApiError(error);
    }
  };

  useRefresh(load);

  const duty = useAction(async (next: boolean, key: string) => {
    if (next) askSubscribe('duty');
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

  /** 无接触: a photo of the parcel at the door, then it is left there. */
  const leaveWithPhoto = async (task: ParcelTaskView) => {
    setNotice(null);
    const photo = await pickPhoto();
    if (photo) void leave.run({ task, photo, takenAt: Date.now() });
  };

  const { queue, sheet } = scans;

  return (
    <View className={pageClassVolunteer}>
      <DutySwitch onDuty={onDuty} busy={duty.busy} onToggle={() => void duty.run(!onDuty)} />

      {queue.length > 0 ? (
        <View id="scan-queue" className="status status--pending" role="status">
          <View id="scan-queue-text" className="status__title">{`有 ${queue.length} 条扫码还没上传，联网后会自动补传`}</View>
          <Button id="scan-queue-retry" size="large" block fill="outline" loading={scans.replayBusy} onClick={() => void scans.replayNow()}>
            现在补传
          </Button>
        </View>
      ) : null}

      {notice ? <NoticeBox notice={notice} /> : null}

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
              queued={scans.queuedDoors.has(task.id)}
              pickupQueued={scans.queuedPickups}
              leaving={leave.busy}
              onAccept={() => void accept.run(task.id)}
              onDecline={() => setDeclining(task)}
              onDeliver={() => void scans.scan({ kind: 'deliver', task })}
              onLeave={() => void leaveWithPhoto(task)}
              onFail={() => setFailing(task)}
              collecting={doors.collect.busy}
              onCollect={() => void doors.collect.run(task.id)}
              calling={doors.call.busy}
              onCall={() => void doors.call.run(task)}
            />
          ))}
        </View>
      ))}

      {done.length > 0 ? (
        <View className="task-group" id="tasks-done">
          <View className="task-group__title">刚完成</View>
          {done.map((task) => (
            <DoneCard key={task.id} task={task} collecting={doors.collect.busy} onCollect={() => void doors.collect.run(task.id)} />
          ))}
        </View>
      ) : null}

      <View className="vol-bar">
        <Button
          id="scan-pickup"
          type="primary"
          size="large"
          block
          loading={scans.pickUpBusy}
          onClick={() => void scans.scan({ kind: 'pickup' })}
        >
          扫码取件
        </Button>
      </View>

      <CodeSheet
        target={sheet.target}
        code={sheet.code}
        error={sheet.error}
        busy={sheet.busy}
        onCode={sheet.setCode}
        onRescan={(target) => void scans.scan(target)}
        onSubmit={sheet.submit}
        onClose={sheet.close}
      />

      <FailSheet
        task={failing}
        busy={fail.busy}
        onFail={(task, reason) => void fail.run({ id: task.id, reason })}
        onClose={() => setFailing(null)}
      />

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
