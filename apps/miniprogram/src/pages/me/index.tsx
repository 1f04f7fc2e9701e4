import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { ROLE_LABELS, type MeResponse } from '@linli/shared-types';
import {
  applyPosterCommunity,
  clearSession,
  getMe,
  getSession,
  getFamilyTrips,
  getUnreadCount,
  listHelpInbox,
  LOGIN_PAGE,
  showApiError,
  updateMe,
} from '@/api';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useSession } from '@/hooks/useSession';
import { BindingStatus } from './BindingStatus';
import { CommunityCard } from './CommunityCard';
import { HelpTeamCard } from './HelpTeamCard';
import { HouseholdCard } from './HouseholdCard';
import { NoticesCard } from './NoticesCard';
import { RosterTotalsCard } from './RosterTotalsCard';
import { useRefresh } from '@/hooks/useRefresh';
import { usePageClass } from '@/hooks/useElderly';
import { ElderlyHome, ElderlySwitch } from './ElderlyMode';
import './index.css';

/** 「我的」: who I am, my household or how far my binding request got, and the staff screens. */
export default function MePage() {
  const session = useSession();
  const me = session?.me ?? null;
  const [confirmLogout, setConfirmLogout] = useState(false);
  const [unread, setUnread] = useState<number | null>(null);
  const pageClass = usePageClass('me');
  /** Requests I answer for (a team member or counsellor): open ones waiting, and mine. */
  const [helpInbox, setHelpInbox] = useState<{ open: number; mine: number } | null>(null);
  /** The household has a patient registered for trips (dialysis, chemo): the 「家人接送」 entry shows. */
  const [hasPatient, setHasPatient] = useState(false);

  const refresh = async () => {
    if (!getSession()) {
      await Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    try {
      const me = await getMe();
      // Signed in after opening a community's poster: act in that community (a newcomer only).
      updateMe((await applyPosterCommunity(me)) ?? me);
      setUnread((await getUnreadCount()).unread);
    } catch (error) {
      showApiError(error);
    }
    // Quietly: anyone may be on a team; the entry shows once there is something to answer.
    Promise.all([listHelpInbox('open', 1, 1), listHelpInbox('mine', 1, 1)])
      .then(([open, mine]) => setHelpInbox({ open: open.total, mine: mine.total }))
      .catch(() => setHelpInbox(null));
    if (getSession()?.me?.household)
      getFamilyTrips()
        .then((trips) => setHasPatient(trips.hasPatient))
        .catch(() => setHasPatient(false));
  };

  useRefresh(refresh);

  const logout = () => {
    setConfirmLogout(false);
    clearSession();
    void Taro.reLaunch({ url: LOGIN_PAGE });
  };

  if (!me) return <View className={pageClass} />;
  const isStaff = me.roles.includes('staff') || me.roles.includes('supervisor');
  const isVolunteer = me.roles.includes('volunteer');
  const isPharmacist = me.roles.includes('pharmacist');
  const elderly = me.preferences?.elderly ?? false;

  const isResponder = me.roles.includes('counsellor') || (helpInbox !== null && (helpInbox.open > 0 || helpInbox.mine > 0));

  return (
    <View className={pageClass}>
      {elderly ? (
        // Elderly mode: a greeting and the three big tiles come first, one task each.
        <ElderlyHome me={me} />
      ) : (
        <>
          {me.household && me.roles.includes('resident') ? <NoticesCard /> : null}
          <ProfileCard me={me} />
        </>
      )}
      <ElderlySwitch me={me} />
      {elderly && me.household && me.roles.includes('resident') ? <NoticesCard /> : null}
      {elderly ? <ProfileCard me={me} /> : null}
      {me.household ? <HelpTeamCard /> : null}
      {isResponder ? (
        <View id="entry-help-inbox" className="entry entry--help" onClick={() => void Taro.navigateTo({ url: '/help/inbox/index' })}>
          <View>求助待处理</View>
          <View className="me__messages-count">
            {helpInbox && helpInbox.open > 0 ? (
              <View id="help-inbox-badge" className="me__badge">
                {helpInbox.open > 99 ? '99+' : helpInbox.open}
              </View>
            ) : null}
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}
      <View id="entry-messages" className="entry" onClick={() => void Taro.navigateTo({ url: '/pages/messages/index' })}>
        <View>消息</View>
        <View className="me__messages-count">
          {unread ? (
            <View id="messages-badge" className="me__badge">
              {unread > 99 ? '99+' : unread}
            </View>
          ) : null}
          <View className="entry__arrow">›</View>
        </View>
      </View>
      <CommunityCard me={me} onChanged={() => void refresh()} />

      {me.household ? (
        <View className="me__ordering">
          <View className="section-title">生活物资</View>
          <View id="entry-windows" className="entry" onClick={() => void Taro.navigateTo({ url: '/pages/windows/index' })}>
            <View>订购物资</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-orders" className="entry" onClick={() => void Taro.navigateTo({ url: '/pages/orders/index' })}>
            <View>我的订单</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-medicine" className="entry" onClick={() => void Taro.navigateTo({ url: '/medicine/list/index' })}>
            <View>代买药品</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {me.household ? (
        <View className="me__activities">
          <View className="section-title">社区活动</View>
          <View id="entry-classes" className="entry" onClick={() => void Taro.navigateTo({ url: '/activities/classes/index' })}>
            <View>线上课堂</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-quizzes" className="entry" onClick={() => void Taro.navigateTo({ url: '/activities/quizzes/index' })}>
            <View>知识竞答</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-contests" className="entry" onClick={() => void Taro.navigateTo({ url: '/activities/contests/index' })}>
            <View>比赛评选</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-prizes" className="entry" onClick={() => void Taro.navigateTo({ url: '/activities/prizes/index' })}>
            <View>我的奖品</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-care-parcels" className="entry" onClick={() => void Taro.navigateTo({ url: '/care/parcels/index' })}>
            <View>我的关爱包</View>
            <View className="entry__arrow">›</View>
          </View>
          {hasPatient ? (
            <View id="entry-family-trips" className="entry" onClick={() => void Taro.navigateTo({ url: '/care/trips/index' })}>
              <View>家人接送（透析、化疗）</View>
              <View className="entry__arrow">›</View>
            </View>
          ) : null}
        </View>
      ) : null}

      {isVolunteer ? (
        <View className="me__volunteer">
          <View className="section-title">志愿服务</View>
          <View
            id="entry-volunteer"
            className="entry entry--volunteer"
            onClick={() => void Taro.navigateTo({ url: '/volunteer/tasks/index' })}
          >
            <View>志愿者任务</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-volunteer-pool" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/pool/index' })}>
            <View>可接的包裹</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-volunteer-squad" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/squad/index' })}>
            <View>我的小组与服务时长</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-volunteer-roster" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/roster/index' })}>
            <View>我的班次（报名、扫码签到）</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-volunteer-hours" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/hours/index' })}>
            <View>我的服务时长</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-driver-trips" className="entry" onClick={() => void Taro.navigateTo({ url: '/volunteer/trips/index' })}>
            <View>我的接送（开车送病人）</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {isPharmacist ? (
        <View className="me__pharmacy">
          <View className="section-title">药房</View>
          <View id="entry-pharmacy" className="entry" onClick={() => void Taro.navigateTo({ url: '/pharmacy/queue/index' })}>
            <View>药房待办</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {me.household && !isVolunteer ? (
        <View className="me__join">
          <View className="section-title">参与社区</View>
          <View id="entry-volunteer-posts" className="entry" onClick={() => void Taro.navigateTo({ url: '/pages/volunteer-posts/index' })}>
            <View>报名做志愿者</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {me.household ? (
        <HouseholdCard household={me.household} />
      ) : me.community ? (
        <BindingStatus binding={me.binding} onChanged={() => void refresh()} />
      ) : null}

      {isStaff ? (
        <View className="me__staff">
          <View className="section-title">社区工作</View>
          <RosterTotalsCard />
          <View id="entry-staff-bindings" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/bindings/index' })}>
            <View>绑定审核</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-households" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/households/index' })}>
            <View>住户管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-buildings" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/buildings/index' })}>
            <View>楼栋管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-windows" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/windows/index' })}>
            <View>订购批次</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-volunteers" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/volunteers/index' })}>
            <View>志愿者与派单</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-delivery" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/delivery/index' })}>
            <View>配送看板</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-parcels" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/parcels/index' })}>
            <View>包裹、标签与配送单</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-cash" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/cash/index' })}>
            <View>代收货款对账</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-recruitment" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/recruitment/index' })}>
            <View>志愿者招募</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-roster" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/roster/index' })}>
            <View>岗位与排班</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-medicine" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/medicine/index' })}>
            <View>买药登记与催办</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-pharmacies" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/pharmacies/index' })}>
            <View>药房管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-people" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/people/index' })}>
            <View>人员与权限</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-notices" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/notices/index' })}>
            <View>通知公告</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-help-board" className="entry" onClick={() => void Taro.navigateTo({ url: '/help/board/index' })}>
            <View>求助看板</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-help-teams" className="entry" onClick={() => void Taro.navigateTo({ url: '/help/teams/index' })}>
            <View>包保小组</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-help-deadlines" className="entry" onClick={() => void Taro.navigateTo({ url: '/help/deadlines/index' })}>
            <View>响应时限</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-push-refused" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/push-refused/index' })}>
            <View>微信提醒未送达</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-help-stats" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/help-stats/index' })}>
            <View>求助统计</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {isStaff ? (
        <View className="me__staff-activities">
          <View className="section-title">活动管理</View>
          <View id="entry-staff-classes" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/classes/index' })}>
            <View>课堂管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-contests" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/contests/index' })}>
            <View>比赛管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-quizzes" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/quizzes/index' })}>
            <View>竞答管理</View>
            <View className="entry__arrow">›</View>
          </View>
          <View
            id="entry-staff-activities-stats"
            className="entry"
            onClick={() => void Taro.navigateTo({ url: '/staff/activities-stats/index' })}
          >
            <View>活动参与统计</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      {isStaff ? (
        <View className="me__staff-care">
          <View className="section-title">关爱服务</View>
          <View id="entry-staff-care" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/care-campaigns/index' })}>
            <View>关爱活动（关爱包）</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-ledger" className="entry" onClick={() => void Taro.navigateTo({ url: '/care/ledger/index' })}>
            <View>关爱台账（每日联系）</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-transport" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/transport-day/index' })}>
            <View>病人接送（透析、化疗）</View>
            <View className="entry__arrow">›</View>
          </View>
          <View id="entry-staff-family" className="entry" onClick={() => void Taro.navigateTo({ url: '/staff/family-bindings/index' })}>
            <View>家属绑定审核</View>
            <View className="entry__arrow">›</View>
          </View>
        </View>
      ) : null}

      <View id="entry-family" className="entry" onClick={() => void Taro.navigateTo({ url: '/care/family/index' })}>
        <View>我代办的家庭（家属、网格员）</View>
        <View className="entry__arrow">›</View>
      </View>

      <View id="entry-redeem" className="entry me__redeem" onClick={() => void Taro.navigateTo({ url: '/pages/invite/index' })}>
        <View>我有邀请码</View>
        <View className="entry__arrow">›</View>
      </View>

      {!isPharmacist ? (
        <View id="entry-pharmacy-join" className="me__join-pharmacy" onClick={() => void Taro.navigateTo({ url: '/pharmacy/join/index' })}>
          药房工作人员入口 ›
        </View>
      ) : null}

      <View className="me__logout">
        <Button id="logout" size="large" block fill="outline" onClick={() => setConfirmLogout(true)}>
          退出登录
        </Button>
      </View>

      <ConfirmDialog
        visible={confirmLogout}
        title="退出登录"
        confirmText="退出"
        onConfirm={logout}
        onCancel={() => setConfirmLogout(false)}
      >
        退出后需要重新登录才能使用。
      </ConfirmDialog>
    </View>
  );
}

function ProfileCard({ me }: { me: MeResponse }) {
  return (
    <View className="card me__profile" id="profile-card">
      <View className="me__nickname">{me.user.nickname}</View>
      {me.community ? <View className="muted">{me.community.name}</View> : null}
      {me.user.phone ? <View className="muted">手机 {me.user.phone}</View> : null}
      {me.roles.length > 0 ? (
        <View className="tags gap-top">
          {me.roles.map((role) => (
            <View key={role} className="tag tag--role">
              {ROLE_LABELS[role]}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
