import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NoticeBuildingReads, NoticeReadStats, StaffNoticeView } from '@linli/shared-types';
import { getNoticeReads, getStaffNotice, showApiError, withdrawNotice } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { NoticeTags } from '@/components/NoticeTags';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { NOTICE_STATUS_LABELS, readFigure } from '../notices/texts';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** One notice for staff: read figures per building, the buildings lagging behind (to phone), edit and withdraw. */
export default function NoticeReadsPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [notice, setNotice] = useState<StaffNoticeView | null>(null);
  const [stats, setStats] = useState<NoticeReadStats | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = async () => {
    try {
      const [n, s] = await Promise.all([getStaffNotice(id), getNoticeReads(id)]);
      setNotice(n);
      setStats(s);
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const withdraw = useAction(async (_: null, key: string) => {
    const done = await withdrawNotice(id, key);
    setConfirming(false);
    setNotice(done);
    await Taro.showToast({ title: '已撤回', icon: 'success' });
    return done;
  });

  if (!notice || !stats) return <View className="loading">正在加载…</View>;
  const live = notice.status !== 'WITHDRAWN' && notice.status !== 'EXPIRED';

  return (
    <View className={pageClass}>
      <View className="card">
        <NoticeTags notice={notice} idPrefix="reads-notice" />
        <View className="card-title">{notice.title}</View>
        <View className="muted" id="reads-status">
          {NOTICE_STATUS_LABELS[notice.status]} · {notice.audience} · 发布 {formatTime(notice.publishAt)}
        </View>
        {notice.editedAt ? <View className="muted">已修改（{formatTime(notice.editedAt)}）</View> : null}
        <View className="big-text gap-top" id="reads-total">
          {readFigure(stats.readHouseholds, stats.reachedHouseholds)}
        </View>
      </View>

      <View className="section-title">还没看的楼栋（请打电话提醒）</View>
      {stats.lagging.length === 0 ? <View className="empty">每栋楼都看过了</View> : null}
      {stats.lagging.map((b) => (
        <BuildingRow key={b.buildingId} b={b} id={`lagging-${b.buildingId}`} />
      ))}

      <View className="section-title">各楼栋阅读情况</View>
      {stats.buildings.map((b) => (
        <BuildingRow key={b.buildingId} b={b} id={`reads-building-${b.buildingId}`} />
      ))}

      {live ? (
        <View className="button-row gap-top">
          <Button
            id="notice-edit"
            size="large"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: `/staff/notices-edit/index?id=${id}` })}
          >
            修改
          </Button>
          <Button id="notice-withdraw" size="large" type="danger" onClick={() => setConfirming(true)}>
            撤回
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        visible={confirming}
        title="撤回这条通知"
        confirmText="撤回"
        danger
        busy={withdraw.busy}
        onConfirm={() => void withdraw.run(null)}
        onCancel={() => setConfirming(false)}
      >
        撤回后居民就看不到这条通知了。
      </ConfirmDialog>
    </View>
  );
}

function BuildingRow({ b, id }: { b: NoticeBuildingReads; id: string }) {
  return (
    <View className="card nr-row" id={id}>
      <View className="nr-row__name">{b.name}</View>
      <View className="nr-row__figure">{readFigure(b.read, b.households)}</View>
      <View className="nr-bar">
        <View className="nr-bar__fill" style={{ width: `${Math.round(b.share * 100)}%` }} />
      </View>
    </View>
  );
}
