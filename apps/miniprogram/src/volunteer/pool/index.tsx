import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ParcelTaskView } from '@linli/shared-types';
import { ApiError, errorMessage, grabParcel, listPool, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { byBuilding, door } from '../parcels';
import { ListStatus } from '@/components/ListStatus';
import '../volunteer.css';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** 可接的包裹: parcels of my buildings nobody has yet, by building; 「我来送」 takes one. */
export default function VolunteerPoolPage() {
  const pageClassVolunteer = usePageClass('volunteer');
  const [parcels, setParcels] = useState<ParcelTaskView[] | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; title: string; text: string } | null>(null);
  /** The parcel whose 「我来送」 is being sent. */
  const [grabbing, setGrabbing] = useState<number | null>(null);

  const load = async () => {
    try {
      setParcels(await listPool());
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  const grab = useAction(
    async (parcel: ParcelTaskView, key: string) => {
      const result = await grabParcel(parcel.id, key);
      setParcels((list) => (list ?? []).filter((p) => p.id !== parcel.id));
      setNotice({ ok: true, title: '已接下', text: `${door(result)}：在「志愿者任务」里，到取货点后扫码取件` });
      return result;
    },
    (error) => {
      // Someone was faster, or the parcel went elsewhere: say so and show what is left.
      setNotice({ ok: false, title: '没有接到', text: errorMessage(error) });
      if (error instanceof ApiError && error.status !== 0) void load();
      return true;
    },
  );

  return (
    <View className={pageClassVolunteer}>
      <View className="muted pool-intro">这些包裹还没有人送，都在您负责的楼栋。接下后会出现在「志愿者任务」里。</View>

      {notice ? (
        <View id="pool-notice" className={notice.ok ? 'status status--ok' : 'status status--pending'} role="status">
          <View className="status__title">{notice.title}</View>
          <View className="text">{notice.text}</View>
        </View>
      ) : null}

      <ListStatus items={parcels} empty="现在没有待送的包裹，下拉可刷新" emptyId="pool-empty" />

      {byBuilding(parcels ?? []).map((group) => (
        <View key={group.building} className="task-group">
          <View className="task-group__title">{`${group.building}（${group.tasks.length} 件）`}</View>
          {group.tasks.map((parcel) => (
            <View key={parcel.id} id={`pool-${parcel.id}`} className="card task">
              <View className="task__head">
                <View className="task__door">{door(parcel)}</View>
              </View>
              <View className="task__contents">{parcel.contents}</View>
              {parcel.phone ? <View className="muted task__phone-line">{`电话 ${parcel.phone}`}</View> : null}
              <Button
                id={`pool-${parcel.id}-grab`}
                type="primary"
                size="large"
                block
                loading={grab.busy && grabbing === parcel.id}
                disabled={grab.busy && grabbing !== parcel.id}
                onClick={() => {
                  setGrabbing(parcel.id);
                  setNotice(null);
                  void grab.run(parcel);
                }}
              >
                我来送
              </Button>
            </View>
          ))}
        </View>
      ))}

      <View className="vol-bar">
        <Button id="to-tasks" size="large" block fill="outline" onClick={() => void Taro.redirectTo({ url: '/volunteer/tasks/index' })}>
          去我的任务
        </Button>
      </View>
    </View>
  );
}
