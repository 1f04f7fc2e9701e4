import { View } from '@tarojs/components';
import type { HelpEvent, HelpEventKind } from '@linli/shared-types';
import { formatTime } from '@/utils/format';
import { PhotoRow } from '../PhotoPicker';

const KIND_WORDS: Record<HelpEventKind, string> = {
  created: '发起求助',
  reply: '回复',
  taken: '接单',
  released: '放弃了，交回小组',
  reassigned: '转派',
  resolved: '已解决',
  reopened: '还没解决，重新打开',
  confirmed: '确认解决',
  closed: '已完成',
  rated: '评价',
  escalated: '超时，已上报督导',
  merged: '合并',
  cancelled: '撤销求助',
};

/** The thread or the whole history: who did what, when, with their words and pictures. Ids {idPrefix}-{n}. */
export function Thread({ idPrefix, events }: { idPrefix: string; events: HelpEvent[] }) {
  return (
    <View>
      {events.map((e, n) => (
        <View key={e.id} id={`${idPrefix}-${n}`} className="hp-event">
          <View className="hp-event__head">
            <View>
              <View className="hp-event__who">{e.by ? `${e.by.name}（${e.by.asLabel}）` : '系统'}</View>
              <View>{KIND_WORDS[e.kind]}</View>
            </View>
            <View>{formatTime(e.at)}</View>
          </View>
          {e.text !== null && e.text !== '' ? <View className="hp-event__text">{e.text}</View> : null}
          <PhotoRow idPrefix={`${idPrefix}-${n}-photo`} urls={e.photos} />
        </View>
      ))}
    </View>
  );
}
