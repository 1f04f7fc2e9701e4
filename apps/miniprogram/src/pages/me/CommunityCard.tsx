import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROLE_LABELS, type MeResponse } from '@linli/shared-types';
import { chooseCommunity, updateMe } from '@/api';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';

/**
 * Which community the person acts in: a newcomer with none is asked to choose it (its poster
 * does that by itself); a person with roles in several switches here, and everything after acts
 * in the chosen one. Nothing for the usual one-community person.
 */
export function CommunityCard({ me, onChanged }: { me: MeResponse; onChanged: () => void }) {
  const choose = useAction(async (communityId: number, key: string) => {
    const next = await chooseCommunity(communityId, key);
    updateMe(next);
    onChanged();
    return next;
  });

  if (me.community === null) {
    return (
      <View className="card" id="community-none">
        <View className="card-title">您住在哪个社区？</View>
        <View className="text">先选好社区，才能绑定住户、订购物资。扫社区张贴的二维码会自动选好。</View>
        <Button
          id="community-choose"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: '/pages/community/index' })}
        >
          选择社区
        </Button>
      </View>
    );
  }
  if (me.communities.length < 2) return null;
  return (
    <View className="card" id="community-switcher">
      <View className="card-title">切换社区</View>
      <View className="muted">您在这些社区都有身份，下面的功能按所选社区显示。</View>
      <View className="button-stack gap-top">
        {me.communities.map((c) => (
          <Button
            key={c.id}
            id={`community-switch-${c.id}`}
            type={c.id === me.community?.id ? 'primary' : 'default'}
            size="large"
            block
            disabled={choose.busy || c.id === me.community?.id}
            onClick={() => void choose.run(c.id)}
          >
            {`${c.name}（${c.roles.map((r) => ROLE_LABELS[r]).join('、')}）${c.id === me.community?.id ? ' · 当前' : ''}`}
          </Button>
        ))}
      </View>
    </View>
  );
}
