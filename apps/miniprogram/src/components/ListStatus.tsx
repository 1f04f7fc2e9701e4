import { View } from '@tarojs/components';

interface ListStatusProps {
  /** The list; null while it is loading. */
  items: readonly unknown[] | null;
  /** What to say when it is empty. */
  empty: string;
  emptyId?: string;
}

/** Above a list: 正在加载… until it has come, then `empty` when there is nothing in it. */
export function ListStatus({ items, empty, emptyId }: ListStatusProps) {
  if (items === null) return <View className="loading">正在加载…</View>;
  if (items.length > 0) return null;
  return (
    <View className="empty" id={emptyId}>
      {empty}
    </View>
  );
}
