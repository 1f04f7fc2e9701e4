import { useState } from 'react';
import { View } from '@tarojs/components';
import type { HelpSummary } from '@linli/shared-types';
import { listHelpInbox, showApiError, type HelpInboxTab } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { Segments } from '@/components/Segments';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { HelpCard, isLate } from '../HelpCard';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

const TABS: { value: HelpInboxTab; label: string }[] = [
  { value: 'open', label: '待处理' },
  { value: 'mine', label: '我的' },
  { value: 'done', label: '已完成' },
];

const EMPTY: Record<HelpInboxTab, string> = {
  open: '现在没有待处理的求助',
  mine: '您还没有接单的求助',
  done: '还没有处理完的求助',
};

/** 求助待处理: requests of the households I look after (counselling for counsellors); overdue first, in red. */
export default function HelpInboxPage() {
  const pageClass = usePageClass();
  const [tab, setTab] = useState<HelpInboxTab>('open');
  const [items, setItems] = useState<HelpSummary[] | null>(null);
  const [now, setNow] = useState(Date.now());

  const load = async (quiet?: boolean, which: HelpInboxTab = tab) => {
    try {
      const page = await listHelpInbox(which);
      const at = Date.now();
      setNow(at);
      // The server sorts overdue first; keep that even if a deadline passed since.
      setItems([...page.items].sort((a, b) => Number(isLate(b, at)) - Number(isLate(a, at))));
    } catch (error) {
      if (!quiet) showApiError(error);
    }
  };
  useLiveRefresh((quiet) => load(quiet), 30000);

  return (
    <View className={pageClass}>
      <Segments
        idPrefix="help-inbox-tab"
        options={TABS}
        value={tab}
        onChange={(next) => {
          setTab(next);
          setItems(null);
          void load(false, next);
        }}
      />
      <ListStatus items={items} empty={EMPTY[tab]} emptyId="help-inbox-empty" />
      {(items ?? []).map((r) => (
        <HelpCard key={r.id} request={r} now={now} showHousehold />
      ))}
    </View>
  );
}
