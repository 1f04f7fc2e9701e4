import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SQUADS, type RosterPostView, type ShiftView, type Squad } from '@linli/shared-types';
import { downloadRosterPoster, getSquad, listRosterPosts, listRosterShifts, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { useSession } from '@/hooks/useSession';
import { formatHours } from '@/utils/format';
import { nextDays, placesLeftText } from '@/utils/roster';
import { RosterPostForm } from './PostForm';
import { ShiftForm } from './ShiftForm';
import './index.css';

/** How many days of shifts the page lists, from today. */
const DAYS_SHOWN = 7;

type Open = 'none' | 'post' | 'shift';

/**
 * 岗位与排班, for staff (every squad) and a squad leader (their own; the server decides): the
 * posts with 打印岗位码 (the A4 poster with the check-in QR), 新建岗位; the shifts of the next
 * days with how many signed up, 排班; a shift opens its roster. Links to the hours ledger.
 */
export default function StaffRosterPage() {
  const pageClass = usePageClass('roster-admin');
  const session = useSession();
  const isStaff = session?.me.roles.some((r) => r === 'staff' || r === 'supervisor') ?? false;
  const [posts, setPosts] = useState<RosterPostView[] | null>(null);
  const [shifts, setShifts] = useState<ShiftView[] | null>(null);
  const [squads, setSquads] = useState<readonly Squad[]>(SQUADS);
  const [open, setOpen] = useState<Open>('none');

  const load = async () => {
    const days = nextDays(Date.now(), DAYS_SHOWN);
    try {
      const [nextPosts, nextShifts, squad] = await Promise.all([
        listRosterPosts(),
        listRosterShifts({ from: days[0]?.day, to: days[days.length - 1]?.day }),
        isStaff ? Promise.resolve(null) : getSquad(),
      ]);
      setPosts(nextPosts);
      setShifts(nextShifts);
      if (squad?.squad) setSquads([squad.squad]);
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const poster = useAction(async (post: RosterPostView) => {
    await downloadRosterPoster(post);
    return post;
  });

  return (
    <View className={pageClass}>
      <View className="card" id="roster-posts">
        <View className="card-title">岗位</View>
        <View className="muted">每个岗位打印一张岗位码贴在现场，志愿者到岗和下班时各扫一次</View>
        <ListStatus items={posts} empty="还没有岗位，先新建一个" emptyId="roster-posts-empty" />
        {(posts ?? []).map((p) => (
          <View key={p.id} id={`post-${p.id}`} className="ra-post">
            <View className="ra-post__main">
              <View className="ra-post__name">{p.name}</View>
              <View className="muted">{p.squadLabel}</View>
              {p.note ? <View className="text">{p.note}</View> : null}
            </View>
            <Button id={`post-${p.id}-poster`} size="large" fill="outline" loading={poster.busy} onClick={() => void poster.run(p)}>
              打印岗位码
            </Button>
          </View>
        ))}
        {open !== 'post' ? (
          <View className="gap-top">
            <Button id="roster-new-post" size="large" block fill="outline" onClick={() => setOpen('post')}>
              新建岗位
            </Button>
          </View>
        ) : null}
      </View>
      {open === 'post' ? (
        <RosterPostForm
          squads={squads}
          onCancel={() => setOpen('none')}
          onCreated={(post) => {
            setOpen('none');
            void Taro.showToast({ title: `已新建岗位「${post.name}」`, icon: 'none', duration: 2500 });
            void load();
          }}
        />
      ) : null}

      <View className="section-title">{`最近 ${DAYS_SHOWN} 天的班次`}</View>
      {open === 'shift' && posts ? (
        <ShiftForm
          posts={posts}
          onCancel={() => setOpen('none')}
          onCreated={() => {
            setOpen('none');
            void Taro.showToast({ title: '班次已发布，小组成员可以报名了', icon: 'none', duration: 2500 });
            void load();
          }}
        />
      ) : (
        <Button
          id="roster-new-shift"
          type="primary"
          size="large"
          block
          disabled={!posts || posts.length === 0}
          onClick={() => setOpen('shift')}
        >
          排班
        </Button>
      )}
      <View className="gap-top" />
      <ListStatus items={shifts} empty="这几天还没有班次" emptyId="roster-shifts-empty" />
      {(shifts ?? []).map((s) => (
        <View
          key={s.id}
          id={`roster-shift-${s.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/roster-shift/index?id=${s.id}` })}
        >
          <View className="head-row">
            <View className="ra-post__name head-row__title">{s.post.name}</View>
            <View className="entry__arrow">›</View>
          </View>
          <View className="ra-time">{formatHours(s.startsAt, s.endsAt)}</View>
          <View className="muted">{s.post.squadLabel}</View>
          <View id={`roster-shift-${s.id}-count`} className={s.state === 'CANCELLED' ? 'ra-count ra-count--off' : 'ra-count'}>
            {s.state === 'CANCELLED' ? '已取消' : `已报名 ${s.taken} / ${s.places} 人 · ${placesLeftText(s)}`}
          </View>
        </View>
      ))}

      <View id="roster-hours-entry" className="entry gap-top" onClick={() => void Taro.navigateTo({ url: '/staff/roster-hours/index' })}>
        <View>志愿服务时长台账</View>
        <View className="entry__arrow">›</View>
      </View>
    </View>
  );
}
