import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CommunityView } from '@linli/shared-types';
import { chooseCommunity, getSession, searchCommunities, showApiError, updateMe } from '@/api';
import { Button } from '@/components/nutui';
import { Field } from '@/components/Field';
import { ListStatus } from '@/components/ListStatus';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * A newcomer says which community they live in (when they did not come from its poster): by its
 * name. Someone with roles in several communities switches from 「我的」 instead.
 */
export default function CommunityPage() {
  const pageClassCommunity = usePageClass('community');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CommunityView[] | null>(null);
  const current = getSession()?.me.community?.id ?? null;

  const search = async (text: string) => {
    try {
      setFound(await searchCommunities(text.trim()));
    } catch (error) {
      showApiError(error);
    }
  };
  useEffect(() => {
    void search('');
  }, []);

  const choose = useAction(async (communityId: number, key: string) => {
    const me = await chooseCommunity(communityId, key);
    updateMe(me);
    await Taro.reLaunch({ url: '/pages/me/index' });
    return me;
  });

  return (
    <View className={pageClassCommunity}>
      <View className="text">请选择您住的社区。扫社区张贴的二维码会自动选好。</View>
      <Field label="社区名称">
        <TextInput id="community-q" value={q} onChange={setQ} placeholder="例如 滨湖和园" maxlength={50} />
      </Field>
      <Button id="community-search" size="large" block fill="outline" onClick={() => void search(q)}>
        搜索
      </Button>
      <View className="section-title gap-top">社区</View>
      <ListStatus items={found} empty="没有找到这个名字的社区，请换个字再搜" />
      {(found ?? []).map((c) => (
        <Button
          key={c.id}
          id={`community-${c.id}`}
          className="community__choice"
          type={c.id === current ? 'primary' : 'default'}
          size="large"
          block
          disabled={choose.busy}
          onClick={() => void choose.run(c.id)}
        >
          {c.id === current ? `${c.name}（当前）` : c.name}
        </Button>
      ))}
    </View>
  );
}
