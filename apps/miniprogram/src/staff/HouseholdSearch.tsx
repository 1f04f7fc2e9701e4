import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { BuildingView, HouseholdView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import type { HouseholdDraft } from './household-search';
import './HouseholdSearch.css';

interface HouseholdSearchProps {
  /** Ids: `${idPrefix}-building-N`, `-room`, `-q`, `-search`. */
  idPrefix: string;
  buildings: BuildingView[];
  draft: HouseholdDraft;
  onDraft: (draft: HouseholdDraft) => void;
  busy: boolean;
  onSearch: () => void;
  /** The households found; null before the first search. */
  matches: HouseholdView[] | null;
  /** The matches, as the page lists them (rows of class po-household). */
  children: ReactNode;
}

/** Finds a household for staff taking a call: by building and room, or by the contact's name or phone. */
export function HouseholdSearch({ idPrefix, buildings, draft, onDraft, busy, onSearch, matches, children }: HouseholdSearchProps) {
  return (
    <>
      <Field label="楼栋">
        <Choices
          idPrefix={`${idPrefix}-building`}
          options={[{ value: 0, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
          selected={[draft.buildingId ?? 0]}
          onToggle={(id) => onDraft({ ...draft, buildingId: id === 0 ? undefined : id })}
        />
      </Field>
      <Field label="房号">
        <TextInput id={`${idPrefix}-room`} value={draft.room} onChange={(room) => onDraft({ ...draft, room })} placeholder="例如 1203" />
      </Field>
      <Field label="或：联系人姓名、电话">
        <TextInput id={`${idPrefix}-q`} value={draft.q} onChange={(q) => onDraft({ ...draft, q })} placeholder="姓名或手机号" />
      </Field>
      <Button id={`${idPrefix}-search`} type="primary" size="large" block loading={busy} onClick={onSearch}>
        查找住户
      </Button>
      {matches?.length === 0 ? <View className="empty">没有找到这户，请核对楼栋和房号</View> : null}
      {children}
    </>
  );
}
