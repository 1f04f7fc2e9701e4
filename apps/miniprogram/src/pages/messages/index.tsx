import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import type { MessageView } from '@linli/shared-types';
import { listMessages, readAllMessages, readMessage, showApiError } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** The home page (「我的」) is relaunched, not stacked on top of this one. */
const HOME = '/pages/me/index';

/** 消息: everything that concerns me, newest first, unread marked; a tap opens its page and marks it read. */
export default function MessagesPage() {
  const pageClass = usePageClass();
  const [messages, setMessages] = useState<MessageView[] | null>(null);

  const load = async () => {
    try {
      setMessages((await listMessages(1, 100)).items);
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const open = async (m: MessageView) => {
    if (m.readAt === null) {
      try {
        const read = await readMessage(m.id);
        setMessages((all) => all?.map((x) => (x.id === m.id ? read : x)) ?? null);
      } catch (error) {
        showApiError(error);
        return;
      }
    }
    if (m.link && m.link !== HOME) await Taro.navigateTo({ url: m.link });
    else if (m.link) await Taro.reLaunch({ url: m.link });
  };

  const readAll = async () => {
    try {
      await readAllMessages();
      await load();
    } catch (error) {
      showApiError(error);
    }
  };

  const unread = messages?.filter((m) => m.readAt === null).length ?? 0;

  return (
    <View className={pageClass}>
      {unread > 0 ? (
        <View className="messages__actions">
          <Button id="messages-read-all" block onClick={() => void readAll()}>
            全部已读（{unread} 条未读）
          </Button>
        </View>
      ) : null}
      <ListStatus items={messages} empty="还没有消息" emptyId="messages-empty" />
      {messages?.map((m) => (
        <View
          key={m.id}
          id={`message-${m.id}`}
          className={m.readAt === null ? 'card message message--unread' : 'card message'}
          onClick={() => void open(m)}
        >
          <View className="head-row">
            <View className="card-title head-row__title">{m.title}</View>
            {m.readAt === null ? <View className="message__dot">未读</View> : null}
          </View>
          <View className="message__body">{m.body}</View>
          {m.deadline ? <View className="message__deadline">截止：{formatTime(m.deadline)}</View> : null}
          <View className="message__time">{formatTime(m.createdAt)}</View>
          {m.link ? <View className="window-card__go">查看 ›</View> : null}
        </View>
      ))}
    </View>
  );
}
