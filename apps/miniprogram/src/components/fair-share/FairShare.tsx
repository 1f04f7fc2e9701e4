import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  PROXY_KIND_LABELS,
  REGISTRATION_STATE_LABELS,
  type RegisterRequest,
  type RegistrationState,
  type RegistrationView,
  type WindowItemView,
  type WindowView,
} from '@linli/shared-types';
import {
  ApiError,
  askSubscribe,
  errorMessage,
  getRegistration,
  getRegistrationFor,
  putRegistration,
  putRegistrationFor,
  showApiError,
  withdrawRegistration,
  withdrawRegistrationFor,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ItemCard } from '@/components/ItemCard';
import { stepBasket, basketLines, type Basket } from '@/utils/basket';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import { proxySummary } from '@/utils/proxy';
import { FairShareResult } from './FairShareResult';
import './FairShare.css';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';

export const FAIR_SHARE_EXPLANATION = '本批次物资不够每户都有，先登记，截止后公开抽签分配；独居老人、困难家庭、透析、化疗、残障家庭优先';

const DRAWN: readonly RegistrationState[] = ['WON', 'PARTIAL', 'LOST'];

type Pending = 'register' | 'withdraw' | null;

/** The household someone acts for (issue 18): 代登记 goes to /api/proxy/households/:id/…, recorded as theirs. */
export interface ForHousehold {
  householdId: number;
  door: string;
}

/**
 * A fair-share window as residents see it: register a wish while it is open (same steppers as
 * ordering), change or withdraw it, and after the public draw see whether the household won.
 * With `forHousehold`, the same for a household the user acts for (代登记), in its words.
 */
export function FairShare({
  win,
  onChanged,
  forHousehold,
}: {
  win: WindowView;
  onChanged: () => Promise<void>;
  forHousehold?: ForHousehold;
}) {
  useSubscribeReady('fair-share');
  // undefined = still loading; null = this household has not registered.
  const [registration, setRegistration] = useState<RegistrationView | null | undefined>(undefined);
  const [quantities, setQuantities] = useState<Basket>({});
  const [pending, setPending] = useState<Pending>(null);
  const [serverError, setServerError] = useState('');

  const adopt = (next: RegistrationView | null) => {
    setRegistration(next);
    const wished: Record<number, number> = {};
    if (next && next.state === 'REGISTERED') for (const line of next.requested) wished[line.itemId] = line.quantity;
    setQuantities(wished);
  };

  const loadRegistration = async () => {
    try {
      adopt(forHousehold ? await getRegistrationFor(forHousehold.householdId, win.id) : await getRegistration(win.id));
    } catch (error) {
      // Not registered yet is a normal state, not an error.
      if (error instanceof ApiError && error.code === 'REGISTRATION_NOT_FOUND') adopt(null);
      else showApiError(error);
    }
  };

  useEffect(() => {
    void loadRegistration();
    // The window's figures (phase, allocatedAt, secondRoundAt) change what the registration can be.
  }, [win.id, win.phase, win.allocatedAt, win.secondRoundAt]);

  const onError = (error: unknown) => {
    setPending(null);
    setServerError(errorMessage(error));
    if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') void onChanged();
    return true;
  };

  const register = useAction(async (body: RegisterRequest, key: string) => {
    if (!forHousehold) askSubscribe('fair-share');
    const saved = forHousehold
      ? await putRegistrationFor(forHousehold.householdId, win.id, body, key)
      : await putRegistration(win.id, body, key);
    setPending(null);
    adopt(saved);
    void Taro.showToast({ title: forHousehold ? '已代登记' : '已登记', icon: 'success' });
    return saved;
  }, onError);

  const withdraw = useAction(async (windowId: number, key: string) => {
    const saved = forHousehold
      ? await withdrawRegistrationFor(forHousehold.householdId, windowId, key)
      : await withdrawRegistration(windowId, key);
    setPending(null);
    adopt(saved);
    void Taro.showToast({ title: '已撤回', icon: 'success' });
    return saved;
  }, onError);

  const isOpen = win.phase === 'OPEN';
  const allocated = win.allocatedAt !== null;
  const registered = registration?.state === 'REGISTERED';
  const lines = basketLines(win.items, quantities);

  const change = (item: WindowItemView, delta: number) => {
    setQuantities((prev) => stepBasket(prev, item, delta));
    setServerError('');
  };

  const result = registration && DRAWN.includes(registration.state) ? registration : null;

  return (
    <View>
      <View className="card fair-intro" id="fair-intro">
        <View className="fair-intro__title">登记后抽签</View>
        <View className="text">{FAIR_SHARE_EXPLANATION}</View>
        <View className="text gap-top">{`登记截止：${formatTime(win.closesAt)}`}</View>
        {win.seedHash && !allocated ? (
          <View className="gap-top" id="fair-seed-hash">
            <View className="text">抽签种子在登记开始前已经封存，抽签时公开。种子的指纹（SHA-256）：</View>
            <View className="fair-hash">{win.seedHash}</View>
            <View className="text">抽签后可以核对：公开的种子算出的 SHA-256 和这个指纹一样，就说明种子没有被换过。</View>
          </View>
        ) : null}
      </View>

      {result ? <FairShareResult registration={result} secondRoundRun={win.secondRoundAt !== null} /> : null}

      {registration && !result ? (
        <View className="status status--pending" id="fair-registration">
          <View className="status__title" id="fair-registration-state">
            {REGISTRATION_STATE_LABELS[registration.state]}
          </View>
          {registration.state !== 'WITHDRAWN' ? (
            <View>
              <View className="text">{forHousehold ? `${forHousehold.door} 登记了：` : '您家登记了：'}</View>
              {registration.requested.map((line) => (
                <View key={line.itemId} className="big-text">{`${line.name} × ${line.quantity}`}</View>
              ))}
              {registration.registeredBy.as !== null ? (
                <View className="proxy-note gap-top" id="fair-registered-by">
                  {`由 ${registration.registeredBy.nickname}（${PROXY_KIND_LABELS[registration.registeredBy.as]}）代登记`}
                </View>
              ) : null}
              {registration.priority ? (
                <View className="text gap-top">{`${forHousehold ? '这户' : '您家'}属于优先照顾的家庭，抽签时排在前面。`}</View>
              ) : null}
            </View>
          ) : (
            <View className="text">{isOpen ? '截止前还可以重新登记。' : '本次没有参加抽签。'}</View>
          )}
          {registered && isOpen ? (
            <View className="gap-top">
              <Button id="fair-withdraw" size="large" block fill="outline" onClick={() => setPending('withdraw')}>
                撤回登记
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {allocated ? (
        <View className="card" id="fair-allocation-link">
          <View className="text">
            {`已于 ${formatTime(win.allocatedAt)} 公开抽签${win.secondRoundAt ? `，${formatTime(win.secondRoundAt)} 做了第二轮分配` : ''}，任何人都可以查看结果和核对种子。`}
          </View>
          <View className="gap-top">
            <Button
              id="fair-allocation"
              size="large"
              block
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/pages/allocation/index?id=${win.id}` })}
            >
              查看抽签结果
            </Button>
          </View>
        </View>
      ) : null}

      {isOpen
        ? win.items.map((item) => (
            <ItemCard
              key={item.itemId}
              item={item}
              quantity={quantities[item.itemId] ?? 0}
              canOrder
              onChange={(delta) => change(item, delta)}
            />
          ))
        : null}

      {isOpen && registration !== undefined ? (
        <View className="card order-bar">
          {serverError ? (
            <View className="error-text" role="alert" id="fair-error">
              {serverError}
            </View>
          ) : null}
          <Button
            id="fair-register"
            type="primary"
            size="large"
            block
            disabled={lines.length === 0}
            loading={register.busy}
            onClick={() => setPending('register')}
          >
            {lines.length === 0 ? '请先选择数量' : `${forHousehold ? '代' : ''}${registered ? '修改登记' : '登记'}`}
          </Button>
        </View>
      ) : null}

      {!isOpen && !allocated ? (
        <View className="status status--pending" id="fair-waiting">
          <View className="status__title">{win.phase === 'UPCOMING' ? '还没到登记时间' : '登记已截止'}</View>
          <View className="text">
            {win.phase === 'UPCOMING'
              ? `${formatTime(win.opensAt)} 开始登记`
              : win.phase === 'PAUSED'
                ? '暂停登记，请稍后再来看看'
                : '社区工作人员会尽快公开抽签，结果会显示在这里'}
          </View>
        </View>
      ) : null}

      <ConfirmDialog
        visible={pending !== null}
        title={pending === 'withdraw' ? '撤回登记' : registered ? '修改登记' : '确认登记'}
        confirmText={pending === 'withdraw' ? '撤回' : '登记'}
        danger={pending === 'withdraw'}
        busy={register.busy || withdraw.busy}
        onConfirm={() => {
          if (pending === 'withdraw') void withdraw.run(win.id);
          else void register.run({ lines });
        }}
        onCancel={() => setPending(null)}
      >
        {pending === 'withdraw' ? (
          <View>撤回后不参加本次抽签。截止前可以再登记。</View>
        ) : (
          <View>
            {forHousehold ? (
              <View>
                {proxySummary(
                  forHousehold.door,
                  '登记了',
                  lines.map((l) => ({ name: win.items.find((i) => i.itemId === l.itemId)?.name ?? '', quantity: l.quantity })),
                )}
              </View>
            ) : (
              lines.map((line) => {
                const item = win.items.find((i) => i.itemId === line.itemId);
                return <View key={line.itemId}>{`${item?.name ?? ''} × ${line.quantity}`}</View>;
              })
            )}
            <View className="gap-top">登记不等于买到，截止后抽签决定。中签后自动生成订单。</View>
          </View>
        )}
      </ConfirmDialog>
    </View>
  );
}
