import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { TransportVehicle } from '@linli/shared-types';
import { listTransportVehicles, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import '../transport-day/transport.css';
import { usePageClass } from '@/hooks/useElderly';

/** 接送车辆 (staff): the community's vehicles, seats, wheelchair places and drivers. */
export default function TransportVehiclesPage() {
  const pageClass = usePageClass();
  const [vehicles, setVehicles] = useState<TransportVehicle[] | null>(null);

  useRefresh(async () => {
    try {
      setVehicles(await listTransportVehicles());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button
        id="tr-vehicle-new"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: '/staff/transport-vehicle/index' })}
      >
        登记车辆
      </Button>
      <View className="gap-top" />
      <ListStatus items={vehicles} empty="还没有登记车辆" emptyId="tr-vehicles-empty" />
      {(vehicles ?? []).map((v) => (
        <View
          key={v.id}
          id={`tr-vehicle-${v.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/transport-vehicle/index?id=${v.id}` })}
        >
          <View className="card-title">{`${v.name}（${v.plate}）${v.active ? '' : ' 已停用'}`}</View>
          <View className="big-text">{`${v.seats} 个座位 · ${v.wheelchairPlaces} 个轮椅位`}</View>
          <View className="muted">{`司机：${v.driverName}${v.driverPhone ? ` ${v.driverPhone}` : ''}`}</View>
          <View className="entry__arrow">修改 ›</View>
        </View>
      ))}
    </View>
  );
}
