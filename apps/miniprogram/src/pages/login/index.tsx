import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { ROLE_LABELS, type DevLoginRequest, type DevUsersResponse, type LoginResponse } from '@linli/shared-types';
import { ApiError, devLogin, getDevUsers, startSession, wechatLogin } from '@/api';
import { useAction } from '@/hooks/useAction';
import { CodeLoginCard } from './CodeLoginCard';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

type LoginChoice = { kind: 'wechat'; code: string } | { kind: 'dev'; body: DevLoginRequest };

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

/** After any login: the session, then 「我的」. */
async function enter(res: LoginResponse): Promise<void> {
  startSession(res);
  await Taro.reLaunch({ url: '/pages/me/index' });
}

export default function LoginPage() {
  const pageClassLogin = usePageClass('login');
  const [devUsers, setDevUsers] = useState<DevUsersResponse | null>(null);
  const [devUsersFailed, setDevUsersFailed] = useState(false);

  const loadDevUsers = () => {
    setDevUsersFailed(false);
    getDevUsers()
      .then(setDevUsers)
      .catch((error: unknown) => {
        // Production answers 404 or enabled:false; only a lost connection is worth a retry button.
        if (error instanceof ApiError && error.code === 'NETWORK_ERROR') setDevUsersFailed(true);
        setDevUsers({ enabled: false, users: [] });
      });
  };
  useEffect(loadDevUsers, []);
  useDidShow(() => {
    // After a logout WeChat offers a home button; home would only send the person back here.
    if (process.env.TARO_ENV === 'weapp') void Taro.hideHomeButton();
  });

  const login = useAction(async (choice: LoginChoice, key: string) => {
    const res = choice.kind === 'wechat' ? await wechatLogin({ code: choice.code }, key) : await devLogin(choice.body, key);
    await enter(res);
    return res;
  });

  const loginWithWechat = async () => {
    try {
      const { code } = await Taro.login();
      await login.run({ kind: 'wechat', code });
    } catch {
      void Taro.showToast({ title: '微信登录失败，请重新打开小程序再试', icon: 'none', duration: 3500 });
    }
  };

  return (
    <View className={pageClassLogin}>
      <View className="login__brand">
        <View className="login__name">邻里</View>
        <View className="login__slogan">小区封控期间，买菜、买药、送上门</View>
      </View>

      {IN_WECHAT ? (
        <Button id="wechat-login" type="primary" size="large" block loading={login.busy} onClick={() => void loginWithWechat()}>
          微信登录
        </Button>
      ) : null}

      {devUsers === null ? <View className="loading">正在加载…</View> : null}

      {devUsers?.enabled ? (
        <View className="login__dev" id="dev-login">
          <View className="section-title">演示登录</View>
          <View className="muted login__dev-hint">选择一个演示身份进入：</View>
          <View className="button-stack">
            {devUsers.users.map((user) => (
              <Button
                key={user.key}
                id={`dev-login-${user.key}`}
                className="login__user"
                size="large"
                block
                disabled={login.busy}
                onClick={() => void login.run({ kind: 'dev', body: { user: user.key } })}
              >
                <View className="login__user-name">{user.nickname}</View>
                <View className="login__user-roles">{user.roles.map((role) => ROLE_LABELS[role]).join('、')}</View>
              </Button>
            ))}
            <Button
              id="dev-login-new-resident"
              className="login__user"
              size="large"
              block
              disabled={login.busy}
              onClick={() => void login.run({ kind: 'dev', body: { newResident: true } })}
            >
              <View className="login__user-name">新居民</View>
              <View className="login__user-roles">未绑定住户</View>
            </Button>
          </View>
        </View>
      ) : null}

      {devUsers !== null && !devUsers.enabled && !IN_WECHAT ? (
        <View className="status status--pending login__notice">
          <View className="status__title">{devUsersFailed ? '网络不好，请检查网络后再试' : '居民请在微信中打开邻里小程序'}</View>
          {devUsersFailed ? (
            <Button id="retry" size="large" block onClick={loadDevUsers}>
              重试
            </Button>
          ) : null}
        </View>
      ) : null}

      <CodeLoginCard onLoggedIn={enter} />
    </View>
  );
}
