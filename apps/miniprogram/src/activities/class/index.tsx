import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CLASS_KIND_LABELS, CLASS_LIVE_OPENS_MINUTES, type ClassPhase, type ClassView } from '@linli/shared-types';
import { ApiError, askSubscribe, cancelClassSignup, errorMessage, getClass, prepareSubscribe, signUpForClass } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours } from '@/utils/format';
import { countdownText, seatsText } from '../class-texts';
import { openLink } from '../open-link';
import '../classes.css';
import { usePageClass } from '@/hooks/useElderly';

/** The phase now, moved on by the page's own clock since the class was loaded (the server's phase at load). */
function phaseNow(c: ClassView, secondsToStart: number): ClassPhase {
  if (c.phase === 'CANCELLED' || c.phase === 'OVER') return c.phase;
  if (secondsToStart + c.minutes * 60 <= 0) return 'OVER';
  if (secondsToStart <= CLASS_LIVE_OPENS_MINUTES * 60) return 'LIVE';
  return 'UPCOMING';
}

/** A class: 报名 (or 排队候补 when full), 已报名 with a countdown, 进入直播 at the time, 看回放 afterwards, 取消报名. */
export default function ClassPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [view, setView] = useState<{ c: ClassView; at: number } | null>(null);
  const [error, setError] = useState('');
  const [now, setNow] = useState(Date.now());
  const [offerWaitlist, setOfferWaitlist] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const show = (c: ClassView) => {
    setView({ c, at: Date.now() });
    setNow(Date.now());
  };

  useRefresh(async () => {
    try {
      show(await getClass(id));
      setError('');
    } catch (e) {
      setError(errorMessage(e));
    }
  });

  useEffect(() => {
    prepareSubscribe('activity');
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const signUp = useAction(
    async (waitlist: boolean, key: string) => {
      const c = await signUpForClass(id, waitlist, key);
      show(c);
      setOfferWaitlist(false);
      void Taro.showToast({ title: c.mine?.state === 'WAITING' ? `已候补第${c.mine.position ?? ''}位` : '已报名', icon: 'success' });
      return c;
    },
    (e) => {
      if (e instanceof ApiError && e.code === 'CLASS_FULL') {
        setOfferWaitlist(true);
        void getClass(id).then(show, () => undefined);
        return true;
      }
      return false;
    },
  );

  const cancel = useAction(async (_: null, key: string) => {
    const c = await cancelClassSignup(id, key);
    show(c);
    setConfirmCancel(false);
    void Taro.showToast({ title: '已取消报名', icon: 'success' });
    return c;
  });

  if (error) {
    return (
      <View className={pageClass}>
        <View className="empty" id="class-error">
          {error}
        </View>
      </View>
    );
  }
  if (!view) return <View className="loading">正在加载…</View>;

  const { c } = view;
  const secondsToStart = c.startsInSeconds - (now - view.at) / 1000;
  const phase = phaseNow(c, secondsToStart);
  const open = c.state === 'SCHEDULED' && secondsToStart > 0;
  const full = c.left === 0;
  const tapSignUp = (waitlist: boolean) => {
    askSubscribe('activity');
    void signUp.run(waitlist);
  };

  return (
    <View className={pageClass}>
      <View className="card" id="class-detail">
        <View className="tags">
          <View className="tag">{CLASS_KIND_LABELS[c.kind]}</View>
          {phase === 'CANCELLED' ? <View className="tag">已取消</View> : null}
          {phase === 'OVER' ? <View className="tag">已结束</View> : null}
          {phase === 'LIVE' ? <View className="tag">直播中</View> : null}
        </View>
        <View className="card-title gap-top" id="class-title">
          {c.title}
        </View>
        <LabelValue label="老师">{c.teacher}</LabelValue>
        <LabelValue label="时间">{formatHours(c.startsAt, c.endsAt)}</LabelValue>
        <LabelValue label="时长">{`${c.minutes} 分钟`}</LabelValue>
        <LabelValue label="面向">{c.audience}</LabelValue>
        <LabelValue label="名额">
          <View id="class-seats">{seatsText(c)}</View>
        </LabelValue>
        {c.description ? <View className="class-description">{c.description}</View> : null}
      </View>

      {c.mine?.state === 'SIGNED' ? (
        <View id="class-place" className="class-place class-place--ok">
          {c.mine.byStaff ? '已报名（社区代报）' : '已报名'}
        </View>
      ) : null}
      {c.mine?.state === 'WAITING' ? (
        <View id="class-place" className="class-place class-place--wait">
          {`候补第${c.mine.position ?? '?'}位`}
          <View className="muted">有人取消时按顺序递补，递补成功会发消息告诉您</View>
        </View>
      ) : null}

      {phase === 'UPCOMING' ? (
        <View className="card">
          <View className="muted">距开课还有</View>
          <View className="class-countdown" id="class-countdown">
            {countdownText(secondsToStart)}
          </View>
          {c.mine?.state === 'SIGNED' ? (
            <View className="muted">{`开课前 15 分钟会提醒您，开课前 ${CLASS_LIVE_OPENS_MINUTES} 分钟可以进入直播`}</View>
          ) : null}
        </View>
      ) : null}

      <View className="button-stack">
        {phase === 'LIVE' && c.mine?.state === 'SIGNED' && c.liveUrl ? (
          <Button id="class-live" type="primary" size="large" block onClick={() => openLink(c.liveUrl as string)}>
            进入直播
          </Button>
        ) : null}
        {phase === 'OVER' && c.replayUrl ? (
          <Button id="class-replay" type="primary" size="large" block onClick={() => openLink(c.replayUrl as string)}>
            看回放
          </Button>
        ) : null}
        {phase === 'OVER' && !c.replayUrl ? <View className="muted">回放整理好后会显示在这里</View> : null}
        {open && c.mine === null && !full && !offerWaitlist ? (
          <Button id="class-signup" type="primary" size="large" block loading={signUp.busy} onClick={() => tapSignUp(false)}>
            报名
          </Button>
        ) : null}
        {open && c.mine === null && (full || offerWaitlist) ? (
          <>
            <View className="muted" id="class-full">
              名额已满，可以排队候补，有人取消时按顺序递补
            </View>
            <Button id="class-waitlist" type="primary" size="large" block loading={signUp.busy} onClick={() => tapSignUp(true)}>
              排队候补
            </Button>
          </>
        ) : null}
        {open && c.mine !== null ? (
          <Button id="class-cancel" size="large" block fill="outline" onClick={() => setConfirmCancel(true)}>
            {c.mine.state === 'WAITING' ? '不排了' : '取消报名'}
          </Button>
        ) : null}
      </View>

      <ConfirmDialog
        visible={confirmCancel}
        title={c.mine?.state === 'WAITING' ? '不再候补' : '取消报名'}
        confirmText="确定取消"
        cancelText="再想想"
        danger
        busy={cancel.busy}
        onConfirm={() => void cancel.run(null)}
        onCancel={() => setConfirmCancel(false)}
      >
        {c.mine?.state === 'WAITING' ? '取消后就不在候补名单里了。' : '取消后名额会让给候补的邻居，想再报名时可能已经满了。'}
      </ConfirmDialog>
    </View>
  );
}
