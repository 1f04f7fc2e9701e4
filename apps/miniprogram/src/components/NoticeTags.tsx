import { View } from '@tarojs/components';
import { NOTICE_CATEGORY_LABELS, type NoticeView } from '@linli/shared-types';
import './NoticeTags.css';

/** A notice's category, 紧急 in red and 置顶: the same row in residents' and staff's lists. */
export function NoticeTags({ notice, idPrefix }: { notice: Pick<NoticeView, 'category' | 'urgent' | 'pinned'>; idPrefix: string }) {
  return (
    <View className="notice-tags">
      {notice.pinned ? (
        <View id={`${idPrefix}-pinned`} className="notice-tag notice-tag--pinned">
          置顶
        </View>
      ) : null}
      {notice.urgent ? (
        <View id={`${idPrefix}-urgent`} className="notice-tag notice-tag--urgent">
          紧急
        </View>
      ) : null}
      <View className="notice-tag">{NOTICE_CATEGORY_LABELS[notice.category]}</View>
    </View>
  );
}
