import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  TEAM_ROLES,
  TEAM_ROLE_LABELS,
  type BuildingTeamView,
  type HouseholdView,
  type SetTeamMemberRequest,
  type TeamCandidate,
  type TeamMemberView,
  type TeamRole,
  type TeamsOverview,
} from '@linli/shared-types';
import {
  errorMessage,
  getBuildingHelpTeam,
  getHelpTeams,
  listHouseholds,
  searchTeamCandidates,
  setHelpTeamMember,
  showApiError,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

type Scope = { buildingId: number } | { householdId: number };

interface Editing {
  scope: Scope;
  role: TeamRole;
  /** Who it is for, in the dialog's title: 1栋 / 1栋1单元101. */
  where: string;
}

/** The five roles of a team, each with its person or 未安排 (red); 安排/更换 and 移除. Ids {idPrefix}-{role}(-set|-remove). */
function TeamRoles(props: {
  idPrefix: string;
  members: TeamMemberView[];
  /** For a household: the building's people, shown where the household has none of its own. */
  inherited?: TeamMemberView[];
  onSet: (role: TeamRole) => void;
  onRemove: (role: TeamRole) => void;
}) {
  return (
    <View>
      {TEAM_ROLES.map((role) => {
        const own = props.members.find((m) => m.role === role);
        const fromBuilding = props.inherited?.find((m) => m.role === role);
        const missing = !own && !fromBuilding;
        return (
          <View key={role} id={`${props.idPrefix}-${role}`} className={missing ? 'hp-member hp-member--missing' : 'hp-member'}>
            <View className="hp-member__who">
              <View className="hp-member__role">{TEAM_ROLE_LABELS[role]}</View>
              <View className="hp-member__name">
                {own ? `${own.name} ${own.phone}` : fromBuilding ? `${fromBuilding.name}（楼栋安排）` : '未安排'}
              </View>
            </View>
            <Button id={`${props.idPrefix}-${role}-set`} size="normal" type="primary" onClick={() => props.onSet(role)}>
              {own ? '更换' : '安排'}
            </Button>
            {own ? (
              <Button id={`${props.idPrefix}-${role}-remove`} size="normal" fill="outline" onClick={() => props.onRemove(role)}>
                移除
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/**
 * 包保小组 (staff): every building with its five roles (missing ones in red); a building's own
 * editor; a single household's own people (overriding the building's for their role), found by
 * its room number; and 代求助 for that household.
 */
export default function HelpTeamsPage() {
  const pageClass = usePageClass();
  const [overview, setOverview] = useState<TeamsOverview | null>(null);
  const [building, setBuilding] = useState<BuildingTeamView | null>(null);
  const [room, setRoom] = useState('');
  const [households, setHouseholds] = useState<HouseholdView[] | null>(null);
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<TeamCandidate[] | null>(null);
  const [picked, setPicked] = useState<TeamCandidate | null>(null);
  const [dialogError, setDialogError] = useState('');

  const loadBuilding = async (buildingId: number) => {
    try {
      setBuilding(await getBuildingHelpTeam(buildingId));
    } catch (error) {
      showApiError(error);
    }
  };

  const load = async () => {
    try {
      setOverview(await getHelpTeams());
      if (building) await loadBuilding(building.buildingId);
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const save = useAction(
    async (body: SetTeamMemberRequest, key: string) => {
      await setHelpTeamMember(body, key);
      setEditing(null);
      await load();
      void Taro.showToast({ title: body.userId === null ? '已移除' : '已安排', icon: 'success' });
      return true;
    },
    (error) => {
      if (editing) {
        setDialogError(errorMessage(error));
        return true;
      }
      return false;
    },
  );

  const startEdit = (scope: Scope, role: TeamRole, where: string) => {
    setEditing({ scope, role, where });
    setQuery('');
    setCandidates(null);
    setPicked(null);
    setDialogError('');
  };

  const remove = (scope: Scope, role: TeamRole) => void save.run({ ...scope, role, userId: null } as SetTeamMemberRequest);

  const search = async () => {
    const q = query.trim();
    if (!q) return;
    try {
      setCandidates(await searchTeamCandidates(q));
      setDialogError('');
    } catch (error) {
      setDialogError(errorMessage(error));
    }
  };

  const findHousehold = async () => {
    if (!building || !room.trim()) return;
    try {
      const page = await listHouseholds({ buildingId: building.buildingId, room: room.trim(), page: 1, pageSize: 20 });
      setHouseholds(page.items);
      setHousehold(page.items.length === 1 ? (page.items[0] ?? null) : null);
    } catch (error) {
      showApiError(error);
    }
  };

  const householdMembers = (householdId: number) => building?.households.find((h) => h.householdId === householdId)?.members ?? [];

  return (
    <View className={pageClass}>
      {!overview ? <View className="loading">正在加载…</View> : null}
      {building ? (
        <View className="card" id="team-building">
          <View className="head-row">
            <View className="card-title head-row__title">{`${building.buildingName} 包保小组`}</View>
            <Button
              id="team-back"
              size="normal"
              fill="outline"
              onClick={() => (setBuilding(null), setHousehold(null), setHouseholds(null))}
            >
              返回
            </Button>
          </View>
          <TeamRoles
            idPrefix="team-role"
            members={building.members}
            onSet={(role) => startEdit({ buildingId: building.buildingId }, role, building.buildingName)}
            onRemove={(role) => remove({ buildingId: building.buildingId }, role)}
          />

          <View className="section-title gap-top">单户调整</View>
          <View className="muted">某一户需要专人负责时，在这里为这一户单独安排，覆盖楼栋的安排。</View>
          {building.households.map((h) => (
            <View key={h.householdId} className="muted gap-small" id={`team-household-${h.householdId}`}>
              {`${h.label}：${h.members.map((m) => `${m.roleLabel} ${m.name}`).join('，')}`}
            </View>
          ))}
          <View className="gap-top">
            <TextInput id="team-room" value={room} placeholder="房号，例如 101" onChange={setRoom} />
          </View>
          <View className="gap-small">
            <Button id="team-room-find" size="large" block fill="outline" onClick={() => void findHousehold()}>
              查找这一户
            </Button>
          </View>
          {households && households.length === 0 ? <View className="muted">没有找到这一户</View> : null}
          {households && households.length > 1
            ? households.map((h) => (
                <View key={h.id} className="choice gap-small" onClick={() => setHousehold(h)}>
                  {h.address}
                </View>
              ))
            : null}
          {household ? (
            <View className="gap-top" id="team-household">
              <View className="big-text">{household.address}</View>
              <TeamRoles
                idPrefix="team-hh-role"
                members={householdMembers(household.id)}
                inherited={building.members}
                onSet={(role) => startEdit({ householdId: household.id }, role, household.address)}
                onRemove={(role) => remove({ householdId: household.id }, role)}
              />
              <View className="gap-top">
                <Button
                  id="team-household-ask"
                  size="large"
                  block
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: `/help/new/index?householdId=${household.id}` })}
                >
                  为这一户代求助
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : (
        (overview?.buildings ?? []).map((b) => (
          <View
            key={b.buildingId}
            id={`team-${b.buildingId}`}
            className={b.missing.length > 0 ? 'card hp-card--late' : 'card'}
            onClick={() => void loadBuilding(b.buildingId)}
          >
            <View className="card-title">{b.buildingName}</View>
            {b.members.map((m) => (
              <View key={m.role} className="muted">{`${m.roleLabel}：${m.name} ${m.phone}`}</View>
            ))}
            {b.missing.length > 0 ? (
              <View className="hp-late" id={`team-${b.buildingId}-missing`}>
                {`缺：${b.missing.map((r) => TEAM_ROLE_LABELS[r]).join('、')}`}
              </View>
            ) : null}
            <View className="hp-go">编辑 ›</View>
          </View>
        ))
      )}
      {overview && overview.buildings.length === 0 ? <View className="empty">还没有楼栋，请先在楼栋管理里添加</View> : null}

      <ConfirmDialog
        visible={editing !== null}
        title={editing ? `${editing.where} · ${TEAM_ROLE_LABELS[editing.role]}` : ''}
        confirmText="安排"
        cancelText="返回"
        busy={save.busy}
        onConfirm={() => {
          if (!editing) return;
          if (!picked) return setDialogError('请先搜索并选一位');
          if (!picked.phone) return setDialogError('这位还没有登记手机号，请先登记手机号再安排进包保小组');
          return void save.run({ ...editing.scope, role: editing.role, userId: picked.userId } as SetTeamMemberRequest);
        }}
        onCancel={() => setEditing(null)}
      >
        <TextInput id="team-search" value={query} placeholder="姓名或手机号" onChange={setQuery} />
        <View className="gap-small">
          <Button id="team-search-go" size="large" block fill="outline" onClick={() => void search()}>
            搜索
          </Button>
        </View>
        {(candidates ?? []).map((c, n) => (
          <View
            key={c.userId}
            id={`team-pick-${n}`}
            className={picked?.userId === c.userId ? 'choice choice--selected gap-small' : 'choice gap-small'}
            onClick={() => (setPicked(c), setDialogError(''))}
          >
            {`${c.name} ${c.phone ?? '（无手机号）'}${c.label ? ` ${c.label}` : ''}`}
          </View>
        ))}
        {candidates && candidates.length === 0 ? <View className="muted">没有找到</View> : null}
        {dialogError ? (
          <View className="error-text" id="team-dialog-error">
            {dialogError}
          </View>
        ) : null}
      </ConfirmDialog>
    </View>
  );
}
