import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CareCampaignSummary } from '@linli/shared-types';
import { listCareCampaigns, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { selectionText } from '../care-campaign/care-texts';
import '../care-campaign/care.css';
import { usePageClass } from '@/hooks/useElderly';

/** 关爱活动 (staff): every care campaign, newest first: whom it reaches, given, received, still to give. */
export default function CareCampaignsPage() {
  const pageClass = usePageClass();
  const [campaigns, setCampaigns] = useState<CareCampaignSummary[] | null>(null);

  useRefresh(async () => {
    try {
      setCampaigns(await listCareCampaigns());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button id="care-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/staff/care-campaign/index' })}>
        新建关爱活动
      </Button>
      <View className="muted gap-top">给独居老人、透析患者、困难家庭等送免费关爱包：每户只送一次，由志愿者送到家门口。</View>
      <View className="gap-top" />
      <ListStatus items={campaigns} empty="还没有关爱活动" emptyId="care-campaigns-empty" />
      {(campaigns ?? []).map((c) => (
        <View
          key={c.id}
          id={`care-campaign-${c.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/care-campaign/index?id=${c.id}` })}
        >
          <View className="card-title">{c.title}</View>
          <View className="muted">{c.contents}</View>
          <View className="muted">{selectionText(c.selection)}</View>
          <View id={`care-campaign-${c.id}-figures`} className="big-text gap-top">
            {`选中 ${c.selected} 户 · 已发 ${c.parcels} 户 · 已收到 ${c.delivered} 户`}
          </View>
          {c.pending > 0 ? <View className="care-pending">{`还有 ${c.pending} 户未发放`}</View> : null}
          <View className="entry__arrow">查看 ›</View>
        </View>
      ))}
    </View>
  );
}
