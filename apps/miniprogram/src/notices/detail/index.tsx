import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { NoticeView } from '@linli/shared-types';
import { errorMessage, fileUrl, newIdempotencyKey, openNotice } from '@/api';
import { NoticeTags } from '@/components/NoticeTags';
import { formatTime } from '@/utils/format';
import '../notices.css';
import { usePageClass } from '@/hooks/useElderly';

/** A notice in full, with its pictures; opening it marks it read for the household. */
export default function NoticeDetailPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    openNotice(id, newIdempotencyKey())
      .then((n) => {
        setNotice(n);
        setError('');
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  });

  if (error) {
    return (
      <View className={pageClass}>
        <View className="empty" id="notice-error">
          {error}
        </View>
      </View>
    );
  }
  if (!notice) return <View className="loading">正在加载…</View>;

  const urls = notice.pictures.map((p) => fileUrl(p.url));
  return (
    <View className={pageClass}>
      <View className={`card notice-card${notice.urgent ? ' notice-card--urgent' : ''}`} id="notice-detail">
        <NoticeTags notice={notice} idPrefix="notice-detail" />
        <View className="card-title" id="notice-title">
          {notice.title}
        </View>
        <View className="notice-meta">
          发布于 {formatTime(notice.publishAt)} · {notice.audience}
        </View>
        {notice.editedAt ? (
          <View className="notice-edited" id="notice-edited">
            已修改（{formatTime(notice.editedAt)}）
          </View>
        ) : null}
        {notice.expiresAt ? <View className="notice-meta">有效至 {formatTime(notice.expiresAt)}</View> : null}
        <View className="notice-body" id="notice-body">
          {notice.body}
        </View>
        <View className="notice-pictures">
          {urls.map((url) => (
            <Image
              key={url}
              className="notice-picture"
              mode="widthFix"
              src={url}
              onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}
            />
          ))}
        </View>
      </View>
    </View>
  );
}
