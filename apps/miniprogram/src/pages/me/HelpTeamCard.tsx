import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MyTeamView } from '@linli/shared-types';
import { getMyHelpTeam } from '@/api';
import { Button } from '@/components/nutui';
import { dial } from '@/utils/dial';

/**
 * 我的包保小组 on 「我的」: who looks after my household (role, name, 打电话 to their real
 * number), a big 求助 button and 我的求助. A failed load shows the buttons without the people.
 * Ids help-team-card, help-team-{n}, help-team-{n}-call, entry-help-new, entry-help-list.
 */
export function HelpTeamCard() {
  const [team, setTeam] = useState<MyTeamView | null>(null);

  useDidShow(() => {
    getMyHelpTeam()
      .then(setTeam)
      .catch(() => undefined);
  });

  return (
    <View className="card me__help" id="help-team-card">
      <View className="card-title">我的包保小组</View>
      {team && team.members.length > 0 ? (
        team.members.map((m, n) => (
          <View key={`${m.role}-${n}`} id={`help-team-${n}`} className="me__help-member">
            <View className="me__help-who">
              <View className="me__help-role">{m.roleLabel}</View>
              <View className="me__help-name">{m.name}</View>
            </View>
            <Button id={`help-team-${n}-call`} size="large" type="primary" fill="outline" onClick={() => void dial(m.phone)}>
              打电话
            </Button>
          </View>
        ))
      ) : (
        <View className="muted">{team ? '社区还没有为您这一户安排包保小组，有事可以直接求助' : ''}</View>
      )}
      <View className="gap-top">
        <Button id="entry-help-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/help/new/index' })}>
          求助
        </Button>
      </View>
      <View id="entry-help-list" className="entry gap-top" onClick={() => void Taro.navigateTo({ url: '/help/list/index' })}>
        <View>我的求助</View>
        <View className="entry__arrow">›</View>
      </View>
    </View>
  );
}
