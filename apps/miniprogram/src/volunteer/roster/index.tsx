import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RosterScanResult, ShiftView } from '@linli/shared-types';
import { errorMessage, giveUpShift, listMyRoster, scanRosterPost, showApiError, signUpShift } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { Sheet } from '@/components/Sheet';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours } from '@/utils/format';
import { giveUpHint, placesLeftText } from '@/utils/roster';
import { scanWithCamera } from '@/utils/scan';
import '../volunteer.css';
import './index.css';

/** Mine and still to come or under way: 待到岗, 在岗. */
const isUpcoming = (s: ShiftView) => s.mine !== null && (s.mine.attendance === 'COMING' || s.mine.attendance === 'ON_POST');
/** Mine and over: 已完成, 未签退, 缺岗, 班次已取消. */
const isPast = (s: ShiftView) => s.mine !== null && !isUpcoming(s) && s.mine.attendance !== 'GIVEN_UP';
/** Open to sign up: not mine (or given up), not cancelled, not yet started. */
const isOpen = (s: ShiftView, now: number) =>
  (s.mine === null || s.mine.attendance === 'GIVEN_UP') && s.state === 'OPEN' && Date.parse(s.startsAt) > now;

/** 在岗 · 迟到 */
function stateWords(s: ShiftView): string {
  if (!s.mine) return '';
  return s.mine.late ? `${s.mine.attendanceLabel} · 迟到` : s.mine.attendanceLabel;
}

/**
 * 我的班次: the big 扫码签到 / 签退 button (the post's poster QR; in the browser the code is
 * typed), the server's answer in large text; my places to come with 取消报名 while allowed; my
 * squad's open shifts with their places left and 报名; my past shifts with their state words.
 */
export default function VolunteerRosterPage() {
  const pageClass = usePageClass('volunteer roster');
  const [shifts, setShifts] = useState<ShiftView[] | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [typing, setTyping] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');

  const load = async () => {
    try {
      setShifts(await listMyRoster());
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  /** A refusal of the scan is said in large text, as its success is. */
  const scanRefused = (error: unknown): boolean => {
    setTyping(false);
    setResult({ ok: false, text: errorMessage(error) });
    return true;
  };

  const send = useAction(async (token: string, key: string): Promise<RosterScanResult> => {
    const answer = await scanRosterPost(token, key);
    setTyping(false);
    setResult({ ok: true, text: answer.message });
    await load();
    return answer;
  }, scanRefused);

  const scan = async () => {
    setResult(null);
    const got = await scanWithCamera();
    if (got.kind === 'code') void send.run(got.code.trim());
    else if (got.kind === 'type') {
      setCode('');
      setCodeError(got.failed ? '没有扫到，请再扫一次或输入二维码下的编号' : '');
      setTyping(true);
    }
  };

  const submitCode = () => {
    const token = code.trim();
    if (!token) {
      setCodeError('请先扫码或输入编号');
      return;
    }
    void send.run(token);
  };

  const signUp = useAction(
    async (shift: ShiftView, key: string) => {
      const done = await signUpShift(shift.id, key);
      void Taro.showToast({ title: '报名成功，到岗时请扫码签到', icon: 'none', duration: 2500 });
      await load();
      return done;
    },
    (error) => {
      showApiError(error);
      void load(); // full or started meanwhile: the list on screen is out of date
      return true;
    },
  );

  const giveUp = useAction(
    async (shift: ShiftView, key: string) => {
      const done = await giveUpShift(shift.id, key);
      void Taro.showToast({ title: '已取消报名', icon: 'none', duration: 2500 });
      await load();
      return done;
    },
    (error) => {
      showApiError(error);
      void load();
      return true;
    },
  );

  const now = Date.now();
  const upcoming = (shifts ?? []).filter(isUpcoming);
  const open = (shifts ?? []).filter((s) => isOpen(s, now));
  const past = (shifts ?? []).filter(isPast).reverse();
  const busy = signUp.busy || giveUp.busy;

  const head = (s: ShiftView) => (
    <>
      <View className="head-row">
        <View className="roster__post head-row__title">{s.post.name}</View>
        {s.mine && s.mine.attendance !== 'GIVEN_UP' ? (
          <View id={`shift-${s.id}-state`} className={`roster__state roster__state--${s.mine.attendance.toLowerCase()}`}>
            {stateWords(s)}
          </View>
        ) : null}
      </View>
      <View className="roster__time">{formatHours(s.startsAt, s.endsAt)}</View>
      {s.post.note ? <View className="text">{s.post.note}</View> : null}
      {s.requirements ? <View className="text roster__req">{`要求：${s.requirements}`}</View> : null}
    </>
  );

  return (
    <View className={pageClass}>
      <View className="card" id="roster-scan-card">
        <Button id="roster-scan" type="primary" size="large" block loading={send.busy} onClick={() => void scan()}>
          扫码签到 / 签退
        </Button>
        <View className="muted gap-top">到岗和下班时各扫一次岗位上贴的二维码</View>
        {result ? (
          <View id="roster-scan-result" className={result.ok ? 'roster__message' : 'roster__message roster__message--refused'} role="alert">
            {result.text}
          </View>
        ) : null}
      </View>

      <View className="section-title">我报名的班次</View>
      {shifts !== null && upcoming.length === 0 ? (
        <View className="empty" id="roster-mine-empty">
          还没有报名，可以在下面选一个班次
        </View>
      ) : null}
      {upcoming.map((s) => (
        <View key={s.id} id={`shift-${s.id}`} className="card">
          {head(s)}
          <View id={`shift-${s.id}-hint`} className="muted gap-top">
            {s.mine?.attendance === 'COMING' ? giveUpHint(s) : '下班时请再扫一次岗位二维码签退'}
          </View>
          {s.mine?.canGiveUp ? (
            <View className="gap-top">
              <Button id={`shift-${s.id}-give-up`} size="large" block fill="outline" disabled={busy} onClick={() => void giveUp.run(s)}>
                取消报名
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      <View className="section-title">可以报名的班次</View>
      <ListStatus items={shifts === null ? null : open} empty="小组现在没有可以报名的班次" emptyId="roster-open-empty" />
      {open.map((s) => {
        const full = s.taken >= s.places;
        return (
          <View key={s.id} id={`shift-${s.id}`} className="card">
            {head(s)}
            <View id={`shift-${s.id}-places`} className={full ? 'roster__places roster__places--full' : 'roster__places'}>
              {placesLeftText(s)}
            </View>
            <View className="gap-top">
              <Button
                id={`shift-${s.id}-signup`}
                type="primary"
                size="large"
                block
                disabled={busy || full}
                onClick={() => void signUp.run(s)}
              >
                {full ? '已报满' : '报名'}
              </Button>
            </View>
          </View>
        );
      })}

      {past.length > 0 ? <View className="section-title">最近结束的班次</View> : null}
      {past.map((s) => (
        <View key={s.id} id={`shift-${s.id}`} className="card">
          {head(s)}
          {s.cancelReason ? <View className="text">{`取消原因：${s.cancelReason}`}</View> : null}
        </View>
      ))}

      <View id="roster-hours-entry" className="entry gap-top" onClick={() => void Taro.navigateTo({ url: '/volunteer/hours/index' })}>
        <View>我的服务时长</View>
        <View className="entry__arrow">›</View>
      </View>

      <Sheet id="roster-code-sheet" visible={typing} title="扫码签到 / 签退" onClose={() => setTyping(false)}>
        <View className="text sheet-hint">扫岗位海报上的二维码；扫不了时输入码下的编号</View>
        <TextInput
          id="roster-code-input"
          value={code}
          onChange={(v) => {
            setCode(v);
            setCodeError('');
          }}
          placeholder="输入编号"
          maxlength={100}
          invalid={codeError !== ''}
        />
        {codeError ? (
          <View id="roster-code-error" className="error-text" role="alert">
            {codeError}
          </View>
        ) : null}
        <View className="gap-top">
          <View className="button-row">
            <Button id="roster-code-cancel" size="large" fill="outline" disabled={send.busy} onClick={() => setTyping(false)}>
              取消
            </Button>
            <Button id="roster-code-submit" type="primary" size="large" loading={send.busy} onClick={submitCode}>
              确定
            </Button>
          </View>
        </View>
      </Sheet>
    </View>
  );
}
