import { View } from '@tarojs/components';

/** What the last action came to, at the top of the page: green when it went through. */
export interface Notice {
  ok: boolean;
  title: string;
  text: string;
  /** One line per item, e.g. each late scan the server refused and why. */
  lines?: string[];
}

export function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <View id="vol-notice" className={notice.ok ? 'status status--ok' : 'status status--pending'}>
      <View className="status__title">{notice.title}</View>
      <View className="text">{notice.text}</View>
      {notice.lines?.map((line) => (
        <View key={line} className="text notice-line">
          {line}
        </View>
      ))}
    </View>
  );
}
