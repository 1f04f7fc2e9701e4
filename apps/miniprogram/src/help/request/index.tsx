import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import {
  HELP_STATE_LABELS,
  type FileView,
  type HelpAction,
  type HelpDetail,
  type HelpEvent,
  type TeamCandidate,
} from '@linli/shared-types';
import {
  cancelHelp,
  confirmHelp,
  errorMessage,
  getHelpHistory,
  getHelpRequest,
  getSession,
  mergeHelp,
  rateHelp,
  reassignHelp,
  releaseHelp,
  reopenHelp,
  replyHelp,
  resolveHelp,
  searchTeamCandidates,
  takeHelp,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { usePullDownReload } from '@/hooks/useRefresh';
import { dial } from '@/utils/dial';
import { formatTime } from '@/utils/format';
import { PhotoPicker, PhotoRow } from '../PhotoPicker';
import { actionButtons, categoryLine, deadlineText, ENDED_STATES, firstResponseLate, reopenUntilText, stars } from '../texts';
import { Stars } from './Stars';
import { Thread } from './Thread';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

/** The dialogs a button opens (take goes straight through). */
type Asking = '' | 'resolve' | 'confirm' | 'reopen' | 'rate' | 'cancel' | 'release' | 'reassign' | 'merge';

interface Work {
  action: HelpAction;
  text?: string;
  rating?: number;
  userId?: number;
  intoId?: number;
}

const DONE_TOAST: Partial<Record<HelpAction, string>> = {
  take: '已接单',
  release: '已放弃',
  resolve: '已标记解决',
  confirm: '谢谢您的确认',
  reopen: '已重新打开',
  rate: '谢谢您的评价',
  cancel: '已撤销',
  reassign: '已转派',
  merge: '已合并',
};

/**
 * One request, opened from a list or cold from a message: its state, deadline, what was asked,
 * the thread, and the buttons the server offers (`actions`): 回复 with pictures, 接单, 放弃,
 * 已解决 with what was done, 确认解决 with stars, 还没解决 with a reason, 评价, 撤销, 转派, 合并.
 * Responders see the household's phone; staff the whole history.
 */
export default function HelpRequestPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const id = Number(router.params.id);
  const justAsked = router.params.asked === '1';
  const me = getSession()?.me;
  const isStaff = Boolean(me?.roles.includes('staff') || me?.roles.includes('supervisor'));
  const [request, setRequest] = useState<HelpDetail | null>(null);
  const [history, setHistory] = useState<HelpEvent[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [now, setNow] = useState(Date.now());
  const [asking, setAsking] = useState<Asking>('');
  const [dialogText, setDialogText] = useState('');
  const [dialogRating, setDialogRating] = useState(0);
  const [dialogError, setDialogError] = useState('');
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<TeamCandidate[] | null>(null);
  const [picked, setPicked] = useState<TeamCandidate | null>(null);
  const [reply, setReply] = useState('');
  const [replyPhotos, setReplyPhotos] = useState<FileView[]>([]);
  const [replyError, setReplyError] = useState('');

  const load = async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setLoadError('没有找到这条求助');
      return;
    }
    try {
      const detail = await getHelpRequest(id);
      setRequest(detail);
      setNow(Date.now());
      setLoadError('');
      if (isStaff) {
        getHelpHistory(id)
          .then((h) => setHistory(h.events))
          .catch(() => setHistory(null));
      }
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  useDidShow(() => void load());
  usePullDownReload(load);

  const open = (which: Asking) => {
    setDialogText('');
    setDialogRating(which === 'confirm' ? 5 : 0);
    setDialogError('');
    setQuery('');
    setCandidates(null);
    setPicked(null);
    setAsking(which);
  };

  const act = useAction(
    async (work: Work, key: string) => {
      const { action } = work;
      const text = work.text ?? '';
      if (action === 'take') await takeHelp(id, key);
      else if (action === 'release') await releaseHelp(id, key);
      else if (action === 'resolve') await resolveHelp(id, { summary: text }, key);
      else if (action === 'confirm')
        await confirmHelp(id, { ...(work.rating ? { rating: work.rating } : {}), ...(text ? { comment: text } : {}) }, key);
      else if (action === 'reopen') await reopenHelp(id, { reason: text }, key);
      else if (action === 'rate') await rateHelp(id, { rating: work.rating ?? 5, ...(text ? { comment: text } : {}) }, key);
      else if (action === 'cancel') await cancelHelp(id, text ? { reason: text } : {}, key);
      else if (action === 'reassign' && work.userId) await reassignHelp(id, { userId: work.userId }, key);
      else if (action === 'merge' && work.intoId) await mergeHelp(id, { intoId: work.intoId }, key);
      setAsking('');
      await load();
      const toast = DONE_TOAST[action];
      if (toast) void Taro.showToast({ title: toast, icon: 'success' });
      return true;
    },
    (error) => {
      if (asking) {
        setDialogError(errorMessage(error));
        return true;
      }
      return false;
    },
  );

  const send = useAction(
    async (body: { text: string; photoIds: number[] }, key: string) => {
      await replyHelp(id, { text: body.text, ...(body.photoIds.length > 0 ? { photoIds: body.photoIds } : {}) }, key);
      setReply('');
      setReplyPhotos([]);
      setReplyError('');
      await load();
      return true;
    },
    (error) => {
      setReplyError(errorMessage(error));
      return true;
    },
  );

  const confirmDialog = () => {
    const text = dialogText.trim();
    if (asking === 'resolve' && text.length < 2) return setDialogError('请写下做了什么（至少 2 个字）');
    if (asking === 'reopen' && text.length < 2) return setDialogError('请写下还有什么没解决（至少 2 个字）');
    if (asking === 'rate' && dialogRating === 0) return setDialogError('请点星星打分');
    if (asking === 'reassign') {
      if (!picked) return setDialogError('请先搜索并选一位');
      return void act.run({ action: 'reassign', userId: picked.userId });
    }
    if (asking === 'merge') {
      const intoId = Number(text);
      if (!Number.isInteger(intoId) || intoId <= 0 || intoId === id) return setDialogError('请填另一条求助的编号');
      return void act.run({ action: 'merge', intoId });
    }
    if (asking === '') return undefined;
    return void act.run({ action: asking, text, rating: dialogRating });
  };

  const search = async () => {
    const q = query.trim();
    if (q.length === 0) return;
    try {
      setCandidates(await searchTeamCandidates(q));
      setDialogError('');
    } catch (error) {
      setDialogError(errorMessage(error));
    }
  };

  if (loadError && !request) {
    return (
      <View className={pageClass}>
        <View className="status status--rejected" id="help-load-error">
          <View className="status__title">打不开这条求助</View>
          <View className="text">{loadError}</View>
        </View>
        <Button size="large" block fill="outline" onClick={() => void load()}>
          再试一次
        </Button>
      </View>
    );
  }
  if (!request) return <View className={pageClassLoading}>正在加载…</View>;

  const r = request;
  const late = firstResponseLate(r, now) || (r.overdue && !ENDED_STATES.includes(r.state));
  const buttons = actionButtons(r.actions);
  const secret = r.text === null;
  const reopenHint = r.state === 'RESOLVED' ? reopenUntilText(r.reopenUntil, now) : '';

  const onButton = (action: HelpAction) => {
    if (action === 'take') void act.run({ action: 'take' });
    else if (action !== 'reply') open(action);
  };

  const dialogTitle: Record<Exclude<Asking, ''>, string> = {
    resolve: '已解决',
    confirm: '确认解决',
    reopen: '还没解决',
    rate: '评价',
    cancel: '撤销求助',
    release: '放弃这条求助',
    reassign: '转派给',
    merge: '合并到另一条求助',
  };

  return (
    <View className={pageClass}>
      {justAsked && r.state === 'OPEN' ? (
        <View className="status status--ok" id="help-asked">
          <View className="status__title">求助已发出</View>
          <View className="text">{`已告诉您的包保小组，请在 ${formatTime(r.firstResponseDue)} 前会有人响应`}</View>
        </View>
      ) : null}

      <View className={late ? 'card hp-card--late' : 'card'} id="help-status">
        <View className="hp-state-row">
          <View id="help-state" className={ENDED_STATES.includes(r.state) ? 'order-state order-state--ended' : 'order-state'}>
            {HELP_STATE_LABELS[r.state]}
          </View>
        </View>
        <View className="card-title">{categoryLine(r)}</View>
        <View id="help-deadline" className={late ? 'hp-due hp-due--late' : 'hp-due'}>
          {deadlineText(r, now)}
        </View>
        {r.escalation > 0 && !ENDED_STATES.includes(r.state) ? <View className="hp-late">已上报督导</View> : null}
        {reopenHint ? (
          <View className="muted gap-top" id="help-reopen-until">
            {reopenHint}
          </View>
        ) : null}
        {r.mergedIntoId ? (
          <View className="gap-top">
            <Button
              id="help-merged-into"
              size="large"
              block
              fill="outline"
              onClick={() => void Taro.redirectTo({ url: `/help/request/index?id=${r.mergedIntoId}` })}
            >
              {`查看合并后的求助（${r.mergedIntoId} 号）`}
            </Button>
          </View>
        ) : null}
      </View>

      <View className="card" id="help-detail">
        <View className={secret ? 'hp-card-text hp-secret' : 'hp-card-text'} id="help-text">
          {secret ? '心理疏导（内容保密）' : r.text}
        </View>
        <PhotoRow idPrefix="help-photo" urls={r.photos} />
        <View className="gap-top" />
        <LabelValue label="编号">{`${r.id} 号`}</LabelValue>
        <LabelValue label="住户">{r.householdLabel}</LabelValue>
        <LabelValue label="求助人">{r.proxy ? `${r.askedBy.name}（${r.askedBy.asLabel}代求助）` : r.askedBy.name}</LabelValue>
        <LabelValue label="求助时间">{formatTime(r.createdAt)}</LabelValue>
        <LabelValue label="处理人">
          <View id="help-assignee">{r.assignee ? `${r.assignee.name}（${r.assignee.asLabel}）` : '还没有人接单'}</View>
        </LabelValue>
        {r.resolvedAt ? <LabelValue label="解决时间">{formatTime(r.resolvedAt)}</LabelValue> : null}
        {r.rating ? (
          <LabelValue label="评价">
            <View id="help-rating">{`${stars(r.rating)}${r.ratingComment ? ` ${r.ratingComment}` : ''}`}</View>
          </LabelValue>
        ) : null}
        {r.householdPhone ? (
          <View className="gap-top">
            <View className="hp-phone">{`住户电话 ${r.householdPhone}`}</View>
            <Button id="help-call" type="primary" size="large" block onClick={() => void dial(r.householdPhone ?? '')}>
              打电话给住户
            </Button>
          </View>
        ) : null}
      </View>

      {buttons.length > 0 ? (
        <View className="button-stack" id="help-actions">
          {buttons.map((b) => (
            <Button
              key={b.action}
              id={`help-action-${b.action}`}
              size="large"
              block
              type={b.primary ? 'primary' : 'default'}
              fill={b.primary ? undefined : 'outline'}
              loading={b.action === 'take' && act.busy}
              onClick={() => onButton(b.action)}
            >
              {b.label}
            </Button>
          ))}
        </View>
      ) : null}

      <View className="card gap-top" id="help-thread">
        <View className="card-title">处理记录</View>
        {secret && r.events.length === 0 ? (
          <View className="muted">心理疏导的对话只有接单的咨询师和求助的居民能看到。</View>
        ) : r.events.length === 0 ? (
          <View className="muted">还没有记录</View>
        ) : (
          <Thread idPrefix="help-event" events={r.events} />
        )}
      </View>

      {r.actions.includes('reply') ? (
        <View className="card" id="help-reply">
          <View className="field__label">回复</View>
          <Textarea
            id="help-reply-text"
            className="textarea"
            value={reply}
            maxlength={500}
            placeholder="写下您的回复"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setReply(e.detail.value);
              setReplyError('');
            }}
          />
          <PhotoPicker
            idPrefix="help-reply-photo"
            photos={replyPhotos}
            onChange={setReplyPhotos}
            onError={setReplyError}
            addLabel="加照片"
          />
          {replyError ? (
            <View className="error-text" role="alert" id="help-reply-error">
              {replyError}
            </View>
          ) : null}
          <View className="gap-top">
            <Button
              id="help-reply-send"
              type="primary"
              size="large"
              block
              loading={send.busy}
              onClick={() => {
                const text = reply.trim();
                if (text.length === 0 && replyPhotos.length === 0) return setReplyError('请写下回复的内容');
                return void send.run({ text, photoIds: replyPhotos.map((p) => p.id) });
              }}
            >
              发送回复
            </Button>
          </View>
        </View>
      ) : null}

      {isStaff && history ? (
        <View className="card" id="help-history">
          <View className="card-title">完整记录（审计）</View>
          <Thread idPrefix="help-history" events={history} />
        </View>
      ) : null}

      <ConfirmDialog
        visible={asking !== ''}
        title={asking ? dialogTitle[asking] : ''}
        confirmText={asking === 'release' ? '放弃' : asking === 'cancel' ? '撤销求助' : '确定'}
        cancelText="返回"
        danger={asking === 'release' || asking === 'cancel'}
        busy={act.busy}
        onConfirm={confirmDialog}
        onCancel={() => setAsking('')}
      >
        {asking === 'confirm' || asking === 'rate' ? (
          <View>
            <View>{asking === 'confirm' ? '问题解决了吗？请给这次帮助打个分' : '请给这次帮助打个分'}</View>
            <Stars value={dialogRating} onChange={(n) => (setDialogRating(n), setDialogError(''))} />
          </View>
        ) : null}
        {asking === 'release' ? <View>放弃后这条求助回到包保小组，其他人可以接单。</View> : null}
        {asking === 'reopen' && reopenHint ? <View>{reopenHint}</View> : null}
        {asking === 'reassign' ? (
          <View>
            <View className="row">
              <View style={{ flex: 1 }}>
                <TextInput id="help-reassign-q" value={query} placeholder="姓名或手机号" onChange={setQuery} />
              </View>
            </View>
            <View className="gap-small">
              <Button id="help-reassign-search" size="large" block fill="outline" onClick={() => void search()}>
                搜索
              </Button>
            </View>
            {(candidates ?? []).map((c, n) => (
              <View
                key={c.userId}
                id={`help-reassign-pick-${n}`}
                className={picked?.userId === c.userId ? 'choice choice--selected gap-small' : 'choice gap-small'}
                onClick={() => setPicked(c)}
              >
                {`${c.name} ${c.phone ?? '（无手机号）'}`}
              </View>
            ))}
            {candidates && candidates.length === 0 ? <View className="muted">没有找到</View> : null}
          </View>
        ) : null}
        {asking === 'merge' ? (
          <View>
            <View>这条是重复的求助：填写要合并到的那条求助的编号（在求助看板上看）</View>
            <TextInput
              id="help-merge-id"
              type="number"
              value={dialogText}
              placeholder="例如：12"
              onChange={(v) => (setDialogText(v), setDialogError(''))}
            />
          </View>
        ) : null}
        {asking === 'resolve' || asking === 'confirm' || asking === 'reopen' || asking === 'rate' || asking === 'cancel' ? (
          <Textarea
            id="help-dialog-text"
            className="textarea"
            value={dialogText}
            maxlength={asking === 'confirm' || asking === 'rate' ? 200 : 500}
            placeholder={
              asking === 'resolve'
                ? '写下做了什么，例如：已送去一袋米'
                : asking === 'reopen'
                  ? '还有什么没解决'
                  : asking === 'cancel'
                    ? '为什么撤销（可不填）'
                    : '想说的话（可不填）'
            }
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setDialogText(e.detail.value);
              setDialogError('');
            }}
          />
        ) : null}
        {dialogError ? (
          <View className="error-text" id="help-dialog-error">
            {dialogError}
          </View>
        ) : null}
      </ConfirmDialog>
    </View>
  );
}
