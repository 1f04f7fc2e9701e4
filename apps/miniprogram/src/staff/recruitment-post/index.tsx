import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SIGNUP_STATUS_LABELS, SQUAD_LABELS, type SignupStatus, type SignupView, type VolunteerPostView } from '@linli/shared-types';
import { ApiError, approveSignup, errorMessage, listPostSignups, listStaffVolunteerPosts, rejectSignup, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { ReasonDialog } from '@/components/ReasonDialog';
import { ListStatus } from '@/components/ListStatus';
import '../recruitment.css';
import { usePageClass } from '@/hooks/useElderly';

const STATUS_CLASS: Record<SignupStatus, string> = {
  PENDING: 'rc-status rc-status--pending',
  APPROVED: 'rc-status rc-status--open',
  REJECTED: 'rc-status rc-status--rejected',
  WITHDRAWN: 'rc-status',
};

/** Refusals that mean the list on screen is out of date: say so in place and reload. */
const STALE_CODES = ['POST_FULL', 'SIGNUP_DECIDED'];

/** The resident reads the reason on their page (2–200 characters). */
const REJECT_RULE = { min: 2, max: 200, message: '请写明没有通过的原因（2 到 200 个字），报名的居民会看到' };

/** 报名审核: one post's sign-ups, waiting ones first; 通过 makes the person a volunteer of the post's squad. */
export default function StaffRecruitmentPostPage() {
  const pageClass = usePageClass();
  const router = useRouter();
  const id = Number(router.params.id);
  const [post, setPost] = useState<VolunteerPostView | null>(null);
  const [signups, setSignups] = useState<SignupView[] | null>(null);
  const [rejecting, setRejecting] = useState<SignupView | null>(null);
  const [notice, setNotice] = useState('');

  const load = async () => {
    try {
      const [list, posts] = await Promise.all([listPostSignups(id), listStaffVolunteerPosts()]);
      setSignups(list);
      setPost(posts.find((p) => p.id === id) ?? null);
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  /** POST_FULL / SIGNUP_DECIDED: the message stays on the page, and the list is reloaded. */
  const onDecisionError = (error: unknown): boolean => {
    if (error instanceof ApiError && STALE_CODES.includes(error.code)) {
      setNotice(errorMessage(error));
      setRejecting(null);
      void load();
      return true; // said on the page instead of a toast
    }
    return false;
  };

  const approve = useAction(async (signup: SignupView, key: string) => {
    const result = await approveSignup(signup.id, key);
    setNotice('');
    void Taro.showToast({ title: `${signup.nickname} 已成为志愿者`, icon: 'none', duration: 2500 });
    await load();
    return result;
  }, onDecisionError);

  const reject = useAction(async ({ signupId, reason }: { signupId: number; reason: string }, key: string) => {
    const result = await rejectSignup(signupId, { reason }, key);
    setRejecting(null);
    setNotice('');
    void Taro.showToast({ title: '已标记为不通过', icon: 'none', duration: 2500 });
    await load();
    return result;
  }, onDecisionError);

  const waiting = (signups ?? []).filter((s) => s.status === 'PENDING');
  const decided = (signups ?? []).filter((s) => s.status !== 'PENDING');
  const full = post !== null && post.approved >= post.slots;
  const busy = approve.busy || reject.busy;

  const card = (s: SignupView) => (
    <View key={s.id} id={`signup-${s.id}`} className="card">
      <View className="head-row">
        <View className="card-title head-row__title">{s.nickname || '未填写昵称'}</View>
        <View id={`signup-${s.id}-status`} className={STATUS_CLASS[s.status]}>
          {SIGNUP_STATUS_LABELS[s.status]}
        </View>
      </View>
      <LabelValue label="住址">{s.door || '—'}</LabelValue>
      <LabelValue label="电话">{s.phone ?? '未填写'}</LabelValue>
      {s.note ? <LabelValue label="备注">{s.note}</LabelValue> : null}
      <LabelValue label="报名时间">{formatTime(s.createdAt)}</LabelValue>
      {s.status === 'REJECTED' && s.reason ? <LabelValue label="原因">{s.reason}</LabelValue> : null}
      {s.status === 'PENDING' ? (
        <View className="button-row gap-top">
          <Button id={`signup-${s.id}-reject`} type="danger" fill="outline" size="large" disabled={busy} onClick={() => setRejecting(s)}>
            不通过
          </Button>
          <Button id={`signup-${s.id}-approve`} type="primary" size="large" disabled={busy || full} onClick={() => void approve.run(s)}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  );

  return (
    <View className={pageClass}>
      {post ? (
        <View className="card" id="post-summary">
          <View className="head-row">
            <View className="card-title head-row__title">{post.title}</View>
            <View className={post.status === 'OPEN' ? 'rc-status rc-status--open' : 'rc-status'}>
              {post.status === 'OPEN' ? (full ? '已招满' : '招募中') : '已结束'}
            </View>
          </View>
          <LabelValue label="小组">{SQUAD_LABELS[post.squad]}</LabelValue>
          <LabelValue label="服务时间">{post.shift}</LabelValue>
          <View className="rc-figures">
            <View className="rc-figure">
              <View className="muted">已通过</View>
              <View className="rc-figure__value" id="post-approved">{`${post.approved} / ${post.slots}`}</View>
            </View>
            <View className="rc-figure">
              <View className="muted">待审核</View>
              <View className="rc-figure__value rc-figure__value--waiting" id="post-pending">
                {waiting.length}
              </View>
            </View>
          </View>
        </View>
      ) : null}

      {notice ? (
        <View className="status status--rejected" id="signups-notice" role="alert">
          <View className="status__title">没有办成</View>
          <View className="text">{notice}</View>
        </View>
      ) : null}
      {full && waiting.length > 0 && !notice ? (
        <View className="muted rc-new">名额已满，不能再通过。需要更多人可以另发一条招募。</View>
      ) : null}

      <ListStatus items={signups} empty="还没有人报名" />

      {waiting.length > 0 ? <View className="rc-section">{`等待审核（${waiting.length} 人）`}</View> : null}
      {waiting.map(card)}
      {decided.length > 0 ? <View className="rc-section">{`已处理（${decided.length} 人）`}</View> : null}
      {decided.map(card)}

      <ReasonDialog
        visible={rejecting !== null}
        resetKey={rejecting?.id}
        title="不通过"
        confirmText="不通过"
        subject={rejecting ? `${rejecting.nickname}（${rejecting.door}）` : ''}
        placeholder="例如：这次只招 18 到 60 岁的志愿者"
        rule={REJECT_RULE}
        inputId="signup-reject-reason"
        errorId="signup-reject-error"
        busy={reject.busy}
        onConfirm={(reason) => {
          if (rejecting) void reject.run({ signupId: rejecting.id, reason });
        }}
        onCancel={() => setRejecting(null)}
      />
    </View>
  );
}
