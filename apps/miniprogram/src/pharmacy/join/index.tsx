import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PharmacyView } from '@linli/shared-types';
import { ApiError, errorMessage, getMe, joinPharmacy, updateMe } from '@/api';
import { Button } from '@/components/nutui';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useSession } from '@/hooks/useSession';
import '../pharmacy.css';
import { usePageClass } from '@/hooks/useElderly';

/** The invite code: 8 characters, A–Z and 2–9 (no look-alikes such as 0/O, 1/I). */
const CODE_LENGTH = 8;
const CODE_PATTERN = /^[A-Z2-9]{8}$/;

/** What the person typed, as the code: capitals, no spaces or dashes. */
function normalize(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** 药房工作人员: enter the invite code community staff gave, and work for that pharmacy. */
export default function PharmacyJoinPage() {
  const pageClass = usePageClass();
  const session = useSession();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [joined, setJoined] = useState<PharmacyView | null>(null);
  const already = session?.me.roles.includes('pharmacist') ?? false;

  const join = useAction(
    async (value: string, key: string) => {
      const pharmacy = await joinPharmacy(value, key);
      setJoined(pharmacy);
      // The new role: 「我的」 shows 药房待办 from now on.
      try {
        updateMe(await getMe());
      } catch {
        // the next visit to 「我的」 reloads it
      }
      return pharmacy;
    },
    (err) => {
      if (err instanceof ApiError && (err.code === 'INVITE_INVALID' || err.code === 'VALIDATION_FAILED')) {
        setError(errorMessage(err));
        return true;
      }
      return false;
    },
  );

  const submit = () => {
    const value = normalize(code);
    if (!CODE_PATTERN.test(value)) {
      setError(`请输入 ${CODE_LENGTH} 位邀请码（字母和数字）`);
      return;
    }
    setError('');
    void join.run(value);
  };

  const toQueue = () => void Taro.redirectTo({ url: '/pharmacy/queue/index' });

  if (joined) {
    return (
      <View className={pageClass}>
        <View className="status status--ok" id="join-done" role="status">
          <View className="status__title">已加入药房</View>
          <View id="join-pharmacy-name" className="big-text">
            {joined.name}
          </View>
          <View className="text gap-top">{joined.address}</View>
          {joined.hours ? <View className="muted">{`营业时间：${joined.hours}`}</View> : null}
        </View>
        <Button id="join-to-queue" type="primary" size="large" block onClick={toQueue}>
          去药房待办
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="card-title">药房工作人员入口</View>
        <View className="text">请输入社区工作人员给您的药房邀请码。加入后，您能看到居民托社区代买的药，并给他们报价。</View>
      </View>

      {already ? (
        <View className="status status--pending" id="join-already">
          <View className="text">您已经是药房工作人员。输入新的邀请码会换到那家药房。</View>
          <View className="gap-top">
            <Button id="join-open-queue" size="large" block fill="outline" onClick={toQueue}>
              去药房待办
            </Button>
          </View>
        </View>
      ) : null}

      <View className="ph-code">
        <Field label="药房邀请码" error={error} hint="8 位，由字母和数字组成">
          <TextInput
            id="join-code"
            value={code}
            onChange={(value) => {
              setCode(normalize(value));
              setError('');
            }}
            placeholder="例如 AB23CD45"
            maxlength={CODE_LENGTH + 2}
            invalid={error !== ''}
          />
        </Field>
      </View>

      <Button id="join-submit" type="primary" size="large" block loading={join.busy} onClick={submit}>
        加入药房
      </Button>
    </View>
  );
}
