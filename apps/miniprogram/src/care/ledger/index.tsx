import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import {
  CARE_NEEDS,
  CARE_NEED_LABELS,
  CONTACT_NOTE_MAX,
  type CareContactView,
  type CareNeed,
  type ContactKind,
  type LedgerRow,
  type LedgerView,
} from '@linli/shared-types';
import { exportCareLedger, getCareLedger, getSession, recordCareContact, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { HouseholdTags } from '@/components/HouseholdTags';
import { Sheet } from '@/components/Sheet';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatClock, formatDate } from '@/utils/format';
import { badgeOf, contactText, lastReachedText } from './ledger-texts';
import './ledger.css';
import { usePageClass } from '@/hooks/useElderly';

const KINDS: { kind: ContactKind; label: string }[] = [
  { kind: 'phone', label: '📞 电话联系上了' },
  { kind: 'visit', label: '🚪 上门看过了' },
  { kind: 'no_answer', label: '没人接 / 没人应' },
];

/**
 * 关爱台账: today's vulnerable households of my grid (staff: the whole community, per grid worker):
 * call, then record how it went and what they need — red first (not reached for two days). A need
 * becomes a medicine request, a help request or a proxy order in one tap.
 */
export default function CareLedgerPage() {
  const pageClass = usePageClass();
  const [view, setView] = useState<LedgerView | null>(null);
  const [worker, setWorker] = useState<number>(-1);
  const [row, setRow] = useState<LedgerRow | null>(null);
  const [kind, setKind] = useState<ContactKind | null>(null);
  const [needs, setNeeds] = useState<CareNeed[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<CareContactView | null>(null);
  const isStaff = (getSession()?.me.roles ?? []).some((r) => r === 'staff' || r === 'supervisor');

  const load = async (gridWorkerId = worker): Promise<void> => {
    try {
      setView(await getCareLedger(gridWorkerId > 0 ? { gridWorkerId } : {}));
    } catch (e) {
      showApiError(e);
    }
  };
  useRefresh(() => load());

  const open = (r: LedgerRow): void => {
    setRow(r);
    setKind(null);
    setNeeds([]);
    setNote('');
    setError('');
    setSaved(null);
  };

  const record = useAction(async (_: null, key: string) => {
    if (!row || !kind) throw new Error('nothing to record');
    const contact = await recordCareContact(
      { householdId: row.householdId, kind, needs: kind === 'no_answer' ? [] : needs, note: note.trim() || undefined },
      key,
    );
    setSaved(contact);
    void load();
    if (!contact.needs.some((n) => n !== 'nothing')) {
      setRow(null);
      void Taro.showToast({ title: '已登记', icon: 'success' });
    }
    return contact;
  });

  const save = (): void => {
    if (!kind) return setError('请先选：电话联系上、上门看过或没人接');
    if (kind !== 'no_answer' && needs.length === 0) return setError('请选有什么需要（没有需要就选「都好，没有需要」）');
    setError('');
    void record.run(null);
  };

  const toggleNeed = (need: CareNeed): void => {
    setNeeds((current) => {
      if (need === 'nothing') return current.includes('nothing') ? [] : ['nothing'];
      const rest = current.filter((n) => n !== 'nothing');
      return rest.includes(need) ? rest.filter((n) => n !== need) : [...rest, need];
    });
  };

  const go = (url: string): void => {
    setRow(null);
    void Taro.navigateTo({ url });
  };

  const exportBook = useAction(async () => {
    if (!view) return;
    const from = new Date(Date.parse(`${view.date}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    await exportCareLedger(from, view.date);
  });

  const f = view?.figures;
  return (
    <View className={pageClass}>
      {view && f ? (
        <View className="card" id="ledger-summary">
          <View className="card-title">{`${formatDate(view.date)} 联系情况`}</View>
          <View id="ledger-figures" className="ledger-figures">
            <View className="ledger-figure">{`共 ${f.households} 户`}</View>
            <View className="ledger-figure ledger-figure--green">{`已联系上 ${f.reached}`}</View>
            <View className="ledger-figure ledger-figure--orange">{`未联系上 ${f.notReached}`}</View>
            <View className="ledger-figure ledger-figure--red">{`两天没联系上 ${f.twoDays}`}</View>
          </View>
          {view.all && view.byGridWorker.length > 0 ? (
            <View className="gap-top">
              <Choices
                idPrefix="ledger-worker"
                columns={2}
                options={[
                  { value: -1, label: '全部网格员' },
                  ...view.byGridWorker.map((g) => ({
                    value: g.userId ?? 0,
                    label: `${g.name}：${g.reached}/${g.households}${g.twoDays > 0 ? `，红 ${g.twoDays}` : ''}`,
                  })),
                ]}
                selected={[worker]}
                onToggle={(value) => {
                  setWorker(value);
                  void load(value);
                }}
              />
            </View>
          ) : null}
          {isStaff ? (
            <View className="gap-top">
              <Button id="ledger-export" size="large" block loading={exportBook.busy} onClick={() => void exportBook.run(undefined)}>
                导出近7天台账（Excel）
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {view && view.rows.length === 0 ? <View className="empty">没有要联系的住户</View> : null}
      {(view?.rows ?? []).map((r) => {
        const badge = badgeOf(r);
        return (
          <View key={r.householdId} id={`ledger-${r.householdId}`} className={`card ledger-card ledger-card--${badge.tone}`}>
            <View className="head-row">
              <View className="card-title head-row__title">{r.door}</View>
              <View className={`ledger-badge ledger-badge--${badge.tone}`}>{badge.text}</View>
            </View>
            <HouseholdTags tags={r.tags} />
            <View className="text">{`${r.contactName ?? '联系人未登记'}${r.gridWorker && view?.all ? ` · 网格员 ${r.gridWorker.name}` : ''}`}</View>
            <View className="muted">{lastReachedText(r.lastReached, view?.date ?? '')}</View>
            {r.today.map((c) => (
              <View key={c.id} className="ledger-contact">
                {contactText(c, formatClock(c.at))}
              </View>
            ))}
            <View className="ledger-actions">
              {r.contactPhone ? (
                <Button
                  id={`ledger-${r.householdId}-call`}
                  size="large"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: r.contactPhone ?? '' })}
                >
                  打电话
                </Button>
              ) : null}
              <Button id={`ledger-${r.householdId}-record`} type="primary" size="large" onClick={() => open(r)}>
                登记
              </Button>
              <Button
                id={`ledger-${r.householdId}-history`}
                size="large"
                fill="outline"
                onClick={() => void Taro.navigateTo({ url: `/care/ledger-household/index?id=${r.householdId}` })}
              >
                记录
              </Button>
            </View>
          </View>
        );
      })}

      <Sheet id="ledger-sheet" visible={row !== null} title={row ? `登记：${row.door}` : ''} onClose={() => setRow(null)}>
        {saved && row ? (
          <View id="ledger-next">
            <View className="text">已登记。他们的需要，现在就帮着办：</View>
            {saved.needs.includes('medicine') ? (
              <Button
                id="ledger-to-medicine"
                type="primary"
                size="large"
                block
                onClick={() => go(`/medicine/new/index?householdId=${row.householdId}&contactId=${saved.id}`)}
              >
                帮他登记买药
              </Button>
            ) : null}
            {saved.needs.includes('doctor') ? (
              <View className="gap-small">
                <Button
                  id="ledger-to-help"
                  type="primary"
                  size="large"
                  block
                  onClick={() => go(`/help/new/index?householdId=${row.householdId}&category=medical&contactId=${saved.id}`)}
                >
                  帮他发起就医求助
                </Button>
              </View>
            ) : null}
            {saved.needs.includes('food') ? (
              <View className="gap-small">
                <Button
                  id="ledger-to-order"
                  type="primary"
                  size="large"
                  block
                  onClick={() =>
                    go(
                      isStaff
                        ? `/staff/proxy-order/index?householdId=${row.householdId}&contactId=${saved.id}`
                        : `/help/new/index?householdId=${row.householdId}&category=supplies&contactId=${saved.id}`,
                    )
                  }
                >
                  {isStaff ? '帮他代下单' : '帮他发起物资求助'}
                </Button>
              </View>
            ) : null}
            <View className="gap-small">
              <Button id="ledger-done" size="large" block onClick={() => setRow(null)}>
                先不办，关闭
              </Button>
            </View>
          </View>
        ) : (
          <View>
            {KINDS.map((k) => (
              <View
                key={k.kind}
                id={`ledger-kind-${k.kind}`}
                className={kind === k.kind ? 'ledger-kind ledger-kind--chosen' : 'ledger-kind'}
                onClick={() => setKind(k.kind)}
              >
                {k.label}
              </View>
            ))}
            {kind && kind !== 'no_answer' ? (
              <View className="gap-top">
                <View className="field__label">有什么需要</View>
                <Choices
                  idPrefix="ledger-need"
                  columns={2}
                  options={CARE_NEEDS.map((n) => ({ value: n, label: CARE_NEED_LABELS[n] }))}
                  selected={needs}
                  onToggle={toggleNeed}
                />
              </View>
            ) : null}
            <Textarea
              id="ledger-note"
              className="textarea gap-small"
              value={note}
              maxlength={CONTACT_NOTE_MAX}
              placeholder="备注（可不填），例如：降压药还剩两天"
              placeholderClass="input-placeholder"
              onInput={(e) => setNote(e.detail.value)}
            />
            {error ? (
              <View className="error-text" role="alert" id="ledger-error">
                {error}
              </View>
            ) : null}
            <View className="gap-top">
              <Button id="ledger-save" type="primary" size="large" block loading={record.busy} onClick={save}>
                保存
              </Button>
            </View>
          </View>
        )}
      </Sheet>
    </View>
  );
}
