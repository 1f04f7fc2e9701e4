import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { LoginResponse } from '@linli/shared-types';
import { ApiError, codeLogin, errorMessage } from '@/api';
import { Button } from '@/components/nutui';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { normalizeSignInCode, SIGN_IN_CODE_LENGTH } from './sign-in-code';

/** Refusals written under the field rather than in a toast that disappears. */
const SHOWN_IN_PLACE = new Set([
  'SIGN_IN_CODE_INVALID',
  'SIGN_IN_CODE_EXPIRED',
  'WECHAT_BOUND_ELSEWHERE',
  'VALIDATION_FAILED',
  'RATE_LIMITED',
]);

/**
 * 「用登录码登录」: the one-time code the community's operator gave a staff member (their first
 * login, a new phone, or a computer's browser). Inside WeChat the wx.login code goes along, so
 * next time plain WeChat login finds the same account.
 */
export function CodeLoginCard({ onLoggedIn }: { onLoggedIn: (res: LoginResponse) => Promise<void> }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');

  const login = useAction(
    async (value: string, key: string) => {
      const wechatCode =
        process.env.TARO_ENV === 'weapp'
          ? await Taro.login().then(
              (r) => r.code,
              () => undefined,
            )
          : undefined;
      const res = await codeLogin(wechatCode ? { code: value, wechatCode } : { code: value }, key);
      await onLoggedIn(res);
      return res;
    },
    (err) => {
      if (err instanceof ApiError && SHOWN_IN_PLACE.has(err.code)) {
        setError(errorMessage(err));
        return true;
      }
      return false;
    },
  );

  const submit = () => {
    const value = normalizeSignInCode(code);
    if (value === null) {
      setError(`登录码是 ${SIGN_IN_CODE_LENGTH} 位字母和数字，请核对后再输入`);
      return;
    }
    setError('');
    void login.run(value);
  };

  return (
    <View className="card login__code" id="code-login">
      <View className="card-title">用登录码登录</View>
      <View className="text">社区工作人员第一次登录、换了手机，或在电脑上使用时，请输入收到的登录码。</View>
      <Field label="登录码" error={error} hint="10 位字母和数字，例如 ABCDE-FGH23">
        <TextInput
          id="code-login-input"
          value={code}
          onChange={(value) => {
            setCode(value.toUpperCase());
            setError('');
          }}
          placeholder="请输入登录码"
          maxlength={SIGN_IN_CODE_LENGTH + 4}
          invalid={error !== ''}
        />
      </Field>
      <Button id="code-login-submit" type="primary" size="large" block loading={login.busy} onClick={submit}>
        用登录码登录
      </Button>
    </View>
  );
}
