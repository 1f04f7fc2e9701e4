import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import {
  CARE_CONTENTS_MAX,
  CARE_TITLE_MAX,
  HOUSEHOLD_TAGS,
  HOUSEHOLD_TAG_LABELS,
  PARCEL_STATE_LABELS,
  type BuildingView,
  type CareCampaignDetail,
  type CareRecipient,
  type HouseholdTag,
  type HouseholdView,
  type ItemView,
  type SaveCareCampaignRequest,
} from '@linli/shared-types';
import {
  createCareCampaign,
  fieldErrors,
  getBuildings,
  getCareCampaign,
  listHouseholds,
  listItems,
  runCareCampaign,
  showApiError,
  updateCareCampaign,
} from '@/api';
import { Button } from '@/components/nutui';
import { BuildingChoices } from '@/components/BuildingChoices';
import { Choices } from '@/components/Choices';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field, TextField } from '@/components/Field';
import { HouseholdTags } from '@/components/HouseholdTags';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import { HouseholdSearch } from '../HouseholdSearch';
import { EMPTY_DRAFT, householdQuery, type HouseholdDraft } from '../household-search';
import { runText, selectionText } from './care-texts';
import './care.css';
import { usePageClass } from '@/hooks/useElderly';

type Shown = 'waiting' | 'received' | 'all';
const SHOWN: { value: Shown; label: string }[] = [
  { value: 'waiting', label: '未收到' },
  { value: 'received', label: '已收到' },
  { value: 'all', label: '全部' },
];

const EMPTY: SaveCareCampaignRequest = {
  title: '',
  itemId: null,
  contents: '',
  tags: [],
  allTags: false,
  buildingIds: [],
  householdIds: [],
};

/**
 * 关爱活动 (staff): new (no ?id) or one campaign (?id=): whom it reaches (care tags, buildings, households
 * by hand), what the package is (a catalog item or words), then 「发放」 — one free parcel per household,
 * once; and who has received theirs, those still waiting first.
 */
export default function CareCampaignPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id) || null;
  const [form, setForm] = useState<SaveCareCampaignRequest>(EMPTY);
  const [campaign, setCampaign] = useState<CareCampaignDetail | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [items, setItems] = useState<ItemView[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<HouseholdDraft>(EMPTY_DRAFT);
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);
  // Doors of the households picked by hand (from the search or the campaign's recipients).
  const [doors, setDoors] = useState<Record<number, string>>({});
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<Shown>('waiting');

  const show = (detail: CareCampaignDetail): void => {
    setCampaign(detail);
    const { title, itemId, contents, selection } = detail;
    setForm({ title, itemId, contents: itemId === null ? contents : '', ...selection });
    setDoors((d) => ({ ...d, ...Object.fromEntries(detail.recipients.map((r) => [r.householdId, r.door])) }));
  };

  useEffect(() => {
    getBuildings().then(setBuildings, showApiError);
    listItems().then(setItems, () => setItems([]));
    if (id) getCareCampaign(id).then(show, showApiError);
  }, [id]);

  const names = useMemo(() => new Map(buildings.map((b) => [b.id, b.name])), [buildings]);

  const save = useAction(
    async (body: SaveCareCampaignRequest, key: string) => {
      const saved = id ? await updateCareCampaign(id, body, key) : await createCareCampaign(body, key);
      setErrors({});
      if (!id) {
        void Taro.redirectTo({ url: `/staff/care-campaign/index?id=${saved.id}` });
      } else {
        show(saved);
        void Taro.showToast({ title: '已保存', icon: 'success' });
      }
      return saved;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length === 0) return false;
      setErrors(fields);
      return true;
    },
  );

  const run = useAction(async (_: null, key: string) => {
    if (!id) throw new Error('no campaign');
    const result = await runCareCampaign(id, key);
    setAsking(false);
    show(result.campaign);
    void Taro.showToast({
      title: result.created > 0 ? `已发放 ${result.created} 户` : '都已发放过',
      icon: result.created > 0 ? 'success' : 'none',
    });
    return result;
  });

  const search = useAction(async (query: { buildingId?: number; room?: string; q?: string }) => {
    const page = await listHouseholds({ ...query, page: 1, pageSize: 20 });
    setMatches(page.items);
    return page;
  });

  const toggleTag = (tag: HouseholdTag): void =>
    setForm((f) => ({ ...f, tags: f.tags.includes(tag) ? f.tags.filter((t) => t !== tag) : [...f.tags, tag] }));
  const addHousehold = (h: HouseholdView): void => {
    setDoors((d) => ({ ...d, [h.id]: h.address }));
    setForm((f) => (f.householdIds.includes(h.id) ? f : { ...f, householdIds: [...f.householdIds, h.id] }));
  };
  const removeHousehold = (householdId: number): void =>
    setForm((f) => ({ ...f, householdIds: f.householdIds.filter((x) => x !== householdId) }));

  const submit = (): void => {
    const title = form.title.trim();
    const contents = (form.contents ?? '').trim();
    const missing: Record<string, string> = {};
    if (title.length < 2) missing.title = `活动名称要 2 到 ${CARE_TITLE_MAX} 个字`;
    if (form.itemId === null && contents.length === 0) missing.contents = '请选一个物资套餐，或写明关爱包里有什么';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    void save.run({ ...form, title, contents: contents || null });
  };

  const recipients: CareRecipient[] = (campaign?.recipients ?? []).filter((r) =>
    shown === 'all' ? true : shown === 'received' ? r.parcelState === 'DELIVERED' : r.parcelState !== 'DELIVERED',
  );

  return (
    <View className={pageClass}>
      {campaign ? (
        <View className="card" id="care-summary">
          <View className="card-title">{campaign.title}</View>
          <View className="muted">{campaign.contents}</View>
          <View className="muted">{selectionText(campaign.selection, names)}</View>
          <View id="care-figures" className="big-text gap-top">
            {`选中 ${campaign.selected} 户 · 已发 ${campaign.parcels} 户 · 已收到 ${campaign.delivered} 户`}
          </View>
          {campaign.lastRunAt ? <View className="muted">{`上次发放：${formatTime(campaign.lastRunAt)}`}</View> : null}
          <View className="gap-top">
            <Button id="care-run" type="primary" size="large" block disabled={campaign.pending === 0} onClick={() => setAsking(true)}>
              {campaign.pending > 0 ? `发放给 ${campaign.pending} 户` : '选中的住户都已发放'}
            </Button>
          </View>
          {campaign.parcels > 0 ? (
            <View className="gap-small">
              <Button
                id="care-parcels"
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: `/staff/parcels/index?batch=${encodeURIComponent(`care:${campaign.id}`)}` })}
              >
                查看包裹、打印标签
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="card" id="care-form">
        <View className="card-title">{id ? '修改活动' : '新建关爱活动'}</View>
        <TextField
          id="care-title"
          label="活动名称"
          value={form.title}
          onChange={(title) => setForm((f) => ({ ...f, title }))}
          maxlength={CARE_TITLE_MAX}
          placeholder="例如：爱心蔬菜包"
          error={errors.title}
        />
        <Field label="关爱包" hint="从物资套餐中选一个，或自己写明里面有什么；免费送到家" error={errors.contents ?? errors.itemId}>
          {items.length > 0 ? (
            <Choices
              idPrefix="care-item"
              columns={2}
              options={[{ value: 0, label: '自己写' }, ...items.map((i) => ({ value: i.id, label: i.name }))]}
              selected={[form.itemId ?? 0]}
              onToggle={(itemId) => setForm((f) => ({ ...f, itemId: itemId === 0 ? null : itemId }))}
            />
          ) : null}
          {form.itemId === null ? (
            <Textarea
              id="care-contents"
              className="textarea gap-small"
              value={form.contents ?? ''}
              maxlength={CARE_CONTENTS_MAX}
              placeholder="例如：青菜2斤、鸡蛋10个、牛奶1箱"
              placeholderClass="input-placeholder"
              onInput={(e) => setForm((f) => ({ ...f, contents: e.detail.value }))}
            />
          ) : null}
        </Field>
        <Field label="按住户标签" hint="不选标签：送给所选楼栋的全部住户" error={errors.tags}>
          <Choices
            idPrefix="care-tag"
            columns={2}
            options={HOUSEHOLD_TAGS.map((t) => ({ value: t, label: HOUSEHOLD_TAG_LABELS[t] }))}
            selected={form.tags}
            onToggle={toggleTag}
          />
          {form.tags.length > 1 ? (
            <View className="gap-small">
              <Segments
                idPrefix="care-match"
                options={[
                  { value: 'any', label: '有其中一个' },
                  { value: 'all', label: '同时都有' },
                ]}
                value={form.allTags ? 'all' : 'any'}
                onChange={(v) => setForm((f) => ({ ...f, allTags: v === 'all' }))}
              />
            </View>
          ) : null}
        </Field>
        <Field
          label="楼栋"
          hint={form.tags.length > 0 ? '选了标签时，「全部」表示全社区' : '没有标签时，送给所选楼栋的每一户'}
          error={errors.buildingIds}
        >
          <BuildingChoices
            idPrefix="care-building"
            buildings={buildings}
            buildingIds={form.buildingIds}
            whole={form.buildingIds.length === 0}
            onChange={(buildingIds) => setForm((f) => ({ ...f, buildingIds }))}
          />
        </Field>
        <Field label="另外指定住户" error={errors.householdIds}>
          {form.householdIds.length === 0 ? <View className="muted">没有另外指定</View> : null}
          {form.householdIds.map((h) => (
            <View key={h} id={`care-hand-${h}`} className="care-row">
              <View className="care-row__door">{doors[h] ?? `住户 ${h}`}</View>
              <View className="care-row__remove" onClick={() => removeHousehold(h)}>
                移除
              </View>
            </View>
          ))}
        </Field>
        <View className="care-search">
          <HouseholdSearch
            idPrefix="care-find"
            buildings={buildings}
            draft={draft}
            onDraft={setDraft}
            busy={search.busy}
            onSearch={() => void search.run(householdQuery(draft))}
            matches={matches}
          >
            {(matches ?? []).map((h) => (
              <View key={h.id} id={`care-match-${h.id}`} className="care-row" onClick={() => addHousehold(h)}>
                <View className="care-row__door">{h.address}</View>
                <View className="care-row__add">{form.householdIds.includes(h.id) ? '已加入' : '加入 ＋'}</View>
              </View>
            ))}
          </HouseholdSearch>
        </View>
        <View className="gap-top">
          <Button id="care-save" type="primary" size="large" block loading={save.busy} onClick={submit}>
            {id ? '保存修改' : '保存活动'}
          </Button>
        </View>
        {id ? <View className="muted gap-small">修改只影响以后的发放：已发的包裹不会收回。</View> : null}
      </View>

      {campaign && campaign.recipients.length > 0 ? (
        <View className="card" id="care-recipients">
          <View className="card-title">送到了吗</View>
          <Segments idPrefix="care-shown" options={SHOWN} value={shown} onChange={setShown} />
          {recipients.length === 0 ? <View className="muted gap-top">没有</View> : null}
          {recipients.map((r) => (
            <View key={r.householdId} id={`care-recipient-${r.householdId}`} className="care-row">
              <View className="care-row__door">
                <View>{r.door}</View>
                <HouseholdTags tags={r.tags} />
              </View>
              <View className={r.parcelState === 'DELIVERED' ? 'care-row__state care-row__state--done' : 'care-row__state'}>
                {r.parcelState ? PARCEL_STATE_LABELS[r.parcelState] : '未发放'}
                {r.deselected ? '（已不在名单）' : ''}
              </View>
            </View>
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        visible={asking}
        title="发放关爱包"
        confirmText="发放"
        busy={run.busy}
        onConfirm={() => void run.run(null)}
        onCancel={() => setAsking(false)}
      >
        <View className="text">{runText(campaign?.pending ?? 0, campaign?.title ?? '')}</View>
      </ConfirmDialog>
    </View>
  );
}
