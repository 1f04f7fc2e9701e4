import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RedeemInviteResponse } from '@linli/shared-types';
import { ApiError, errorMessage, getMe, redeemInvite, updateMe } from '@/api';
import { Button } from '@/components/nutui';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { checkCode, INVITE_CODE_LENGTH, INVITE_ROLE_DUTIES, inviteRoleName, normalizeCode } from '@/utils/invite-code';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** What the answer made of the person, in words. */
function grantedName(result: RedeemInviteResponse): string {
  return result.granted === 'pharmacist' ? `${result.pharmacy?.name ?? '药房'}的药房人员` : inviteRoleName(result.granted, result.squad);
}

/**
 * 「我有邀请码」: anyone enters a code community staff gave them (社区工作人员, 督导, 小组长, or a
 * pharmacy's) and holds that role from now on, in that community.
 */
export default function InvitePage() {
  const pageClass = usePageClass();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState<RedeemInviteResponse | null>(null);

  const redeem = useAction(
    async (value: string, key: string) => {
      const result = await redeemInvite(value, key);
      setDone(result);
      // The new role: 「我的」 shows its entries from now on.
      try {
        updateMe(await getMe());
      } catch {
        // the next visit to 「我的」 reloads it
      }
      return result;
    },
    (err) => {
      if (err instanceof ApiError && (err.code === 'ROLE_INVITE_INVALID' || err.code === 'VALIDATION_FAILED')) {
        setError(errorMessage(err));
        return true;
      }
      return false;
    },
  );

  const submit = () => {
    const value = normalizeCode(code);
    const problem = checkCode(value);
    setError(problem ?? '');
    if (!problem) void redeem.run(value);
  };

  const toMe = () => void Taro.reLaunch({ url: '/pages/me/index' });

  if (done) {
    return (
      <View className={pageClass}>
        <View className="status status--ok" id="invite-done" role="status">
          <View className="status__title">邀请码已生效</View>
          <View className="text">{`您现在是「${done.community.name}」的`}</View>
          <View id="invite-granted" className="big-text">
            {grantedName(done)}
          </View>
          {done.granted !== 'pharmacist' ? <View className="text gap-top">{`可以：${INVITE_ROLE_DUTIES[done.granted]}`}</View> : null}
        </View>
        <Button id="invite-to-me" type="primary" size="large" block onClick={toMe}>
          回到「我的」
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="card-title">我有邀请码</View>
        <View className="text">
          社区工作人员给了您一个邀请码（请您做社区工作人员、督导、志愿者小组长，或药房人员）？请在下面输入。输入后您就有了这个身份，回到「我的」就能看到对应的功能。
        </View>
      </View>

      <View className="invite-code">
        <Field label="邀请码" error={error} hint="8 位，由字母和数字组成">
          <TextInput
            id="invite-code"
            value={code}
            onChange={(value) => {
              setCode(normalizeCode(value));
              setError('');
            }}
            placeholder="例如 AB23CD45"
            maxlength={INVITE_CODE_LENGTH + 2}
            invalid={error !== ''}
          />
        </Field>
      </View>

      <Button id="invite-submit" type="primary" size="large" block loading={redeem.busy} onClick={submit}>
        确认
      </Button>
    </View>
  );
}
