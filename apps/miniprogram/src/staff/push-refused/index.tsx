import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RefusedPushView } from '@linli/shared-types';
import { listRefusedPushes, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { dial } from '@/utils/dial';
import { formatTime } from '@/utils/format';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 微信提醒未送达: the WeChat subscribe messages WeChat refused for good (a template or a value it
 * would not take). Those people saw the message only if they opened 「消息」, so staff phone them
 * (or a grid worker knocks) and the operator fixes the template settings WeChat's reason names.
 */
const INTRO =
  '下面这些提醒没能通过微信送到住户手机上，他们只能在「消息」里看到。请打电话告知；没有电话的，请网格员上门告知。' +
  '同一原因反复出现时，请联系管理员检查微信订阅消息模板的设置。';

export default function PushRefusedPage() {
  const pageClass = usePageClass();
  const [rows, setRows] = useState<RefusedPushView[] | null>(null);

  const load = async () => {
    try {
      setRows(await listRefusedPushes());
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const call = async (phone: string) => {
    if (!(await dial(phone))) await Taro.showModal({ title: '请手动拨打', content: phone, showCancel: false });
  };

  return (
    <View className={pageClass}>
      <View className="card push-refused__intro">{INTRO}</View>
      <ListStatus items={rows} empty="没有未送达的微信提醒" emptyId="push-refused-empty" />
      {(rows ?? []).map((r) => (
        <View key={r.messageId} className="card" id={`push-refused-${r.messageId}`}>
          <View className="card-title">{r.title || '（消息已不在）'}</View>
          {r.body ? <View className="push-refused__body">{r.body}</View> : null}
          <LabelValue label="住户">{[r.nickname, r.address].filter(Boolean).join(' · ') || '未知'}</LabelValue>
          <LabelValue label="电话">
            {r.phone ? (
              <View className="push-refused__phone" id={`push-refused-phone-${r.messageId}`}>
                {r.phone}
              </View>
            ) : (
              <View className="muted">没有登记电话，请上门告知</View>
            )}
          </LabelValue>
          <LabelValue label="时间">{formatTime(r.at)}</LabelValue>
          <View className="muted push-refused__reason">微信的原因：{r.reason || '未说明'}</View>
          {r.phone ? (
            <Button
              id={`push-refused-call-${r.messageId}`}
              className="gap-top"
              type="primary"
              size="large"
              block
              onClick={() => void call(r.phone ?? '')}
            >
              打电话告知
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
