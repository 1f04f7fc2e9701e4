import { View } from '@tarojs/components';
import type { BuildingView, HouseholdView } from '@linli/shared-types';
import { LabelValue } from '@/components/LabelValue';
import { contactOf, type HouseholdDraft } from '../household-search';
import { HouseholdSearch } from '../HouseholdSearch';

interface FindHouseholdProps {
  buildings: BuildingView[];
  draft: HouseholdDraft;
  onDraft: (draft: HouseholdDraft) => void;
  busy: boolean;
  onSearch: () => void;
  matches: HouseholdView[] | null;
  /** The household chosen (the only match is chosen by itself). */
  household: HouseholdView | null;
  onChoose: (household: HouseholdView | null) => void;
}

/** 第一步：找到住户: the search, then the matches; once one is chosen, only it (换一户 undoes). */
export function FindHousehold({ buildings, draft, onDraft, busy, onSearch, matches, household, onChoose }: FindHouseholdProps) {
  return (
    <View className="card" id="proxy-find">
      <View className="po-step">第一步：找到住户</View>
      <HouseholdSearch
        idPrefix="proxy"
        buildings={buildings}
        draft={draft}
        onDraft={onDraft}
        busy={busy}
        onSearch={onSearch}
        matches={matches}
      >
        {matches && matches.length > 1 && !household ? (
          <View className="gap-top muted">{`找到 ${matches.length} 户，请点选一户`}</View>
        ) : null}
        {matches && matches.length > 0
          ? matches
              .filter((h) => !household || h.id === household.id)
              .map((h) => (
                <View
                  key={h.id}
                  id={`proxy-household-${h.id}`}
                  className={household?.id === h.id ? 'po-household po-household--chosen gap-top' : 'po-household'}
                  onClick={() => onChoose(h)}
                >
                  <View className="big-text">{h.address}</View>
                  <LabelValue label="联系人">{contactOf(h)}</LabelValue>
                  <LabelValue label="人数">{`${h.headcount} 人`}</LabelValue>
                  {household?.id === h.id && matches.length > 1 ? (
                    <View
                      className="sw-go"
                      onClick={(e) => {
                        e.stopPropagation();
                        onChoose(null);
                      }}
                    >
                      换一户 ›
                    </View>
                  ) : null}
                </View>
              ))
          : null}
      </HouseholdSearch>
    </View>
  );
}
