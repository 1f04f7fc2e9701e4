import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import {
  PHONE_PATTERN,
  SIGNUP_STATUS_LABELS,
  SQUAD_LABELS,
  type SignupRequest,
  type SignupStatus,
  type VolunteerPostView,
} from '@linli/shared-types';
import Taro from '@tarojs/taro';
import { errorMessage, fieldErrors, getSession, listVolunteerPosts, showApiError, signUpForPost, withdrawSignup } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { LabelValue } from '@/components/LabelValue';
import { Sheet } from '@/components/Sheet';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { ListStatus } from '@/components/ListStatus';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** The box under a post for my sign-up: waiting (yellow), in (green), or not (red / grey). */
const SIGNUP_BOX: Record<SignupStatus, string> = {
  PENDING: 'status status--pending',
  APPROVED: 'status status--ok',
  REJECTED: 'status status--rejected',
  WITHDRAWN: 'status status--pending',
};

interface Form {
  phone: string;
  note: string;
}

type Errors = Partial<Record<keyof Form, string>>;

/** Sign-ups may be made (again) when there is none, or it was withdrawn or not approved. */
function maySignUp(post: VolunteerPostView): boolean {
  return post.status === 'OPEN' && (post.mySignup === null || post.mySignup.status === 'WITHDRAWN' || post.mySignup.status === 'REJECTED');
}

/** 志愿者招募: the community's open posts; a resident signs up, sees how it goes, may withdraw. */
export default function VolunteerPostsPage() {
  const pageClassPosts = usePageClass('posts');
  const [posts, setPosts] = useState<VolunteerPostView[] | null>(null);
  const [signingUp, setSigningUp] = useState<VolunteerPostView | null>(null);
  const [form, setForm] = useState<Form>({ phone: '', note: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [withdrawing, setWithdrawing] = useState<VolunteerPostView | null>(null);

  const householdPhone = getSession()?.me.household?.contactPhone ?? null;

  useRefresh(async () => {
    try {
      setPosts(await listVolunteerPosts());
    } catch (error) {
      showApiError(error);
    }
  });

  const replace = (next: VolunteerPostView) => setPosts((list) => (list ?? []).map((p) => (p.id === next.id ? next : p)));

  const signUp = useAction(
    async ({ postId, body }: { postId: number; body: SignupRequest }, key: string) => {
      const result = await signUpForPost(postId, body, key);
      replace(result);
      setSigningUp(null);
      void Taro.showToast({ title: '已报名', icon: 'success' });
      return result;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (fields.phone || fields.note) setErrors({ phone: fields.phone, note: fields.note });
      else setFormError(errorMessage(error));
      return true;
    },
  );

  const withdraw = useAction(async (postId: number, key: string) => {
    const result = await withdrawSignup(postId, key);
    replace(result);
    setWithdrawing(null);
    void Taro.showToast({ title: '已撤回', icon: 'success' });
    return result;
  });

  const open = (post: VolunteerPostView) => {
    setForm({ phone: '', note: '' });
    setErrors({});
    setFormError('');
    setSigningUp(post);
  };

  const submit = () => {
    if (!signingUp) return;
    const phone = form.phone.trim();
    const note = form.note.trim();
    if (phone && !PHONE_PATTERN.test(phone)) {
      setErrors({ phone: '请填写正确的11位手机号，或者不填' });
      return;
    }
    setErrors({});
    setFormError('');
    const body: SignupRequest = {};
    if (phone) body.phone = phone;
    if (note) body.note = note;
    void signUp.run({ postId: signingUp.id, body });
  };

  return (
    <View className={pageClassPosts}>
      <View className="text posts-intro">社区正在招募志愿者，一起守护我们的小区。报名后社区工作人员会审核并联系您。</View>

      <ListStatus items={posts} empty="现在没有招募，下拉可刷新" emptyId="posts-empty" />

      {posts?.map((post) => (
        <View key={post.id} id={`post-${post.id}`} className="card post">
          <View className="post__head">
            <View className="tag post__squad">{SQUAD_LABELS[post.squad]}</View>
            {post.status === 'CLOSED' ? <View className="post__closed">已停止招募</View> : null}
          </View>
          <View className="card-title post__title">{post.title}</View>
          <LabelValue label="要求">{post.requirements}</LabelValue>
          <LabelValue label="服务时间">{post.shift}</LabelValue>
          <LabelValue label="已招">
            <View id={`post-${post.id}-count`}>{`${post.approved} / ${post.slots} 人`}</View>
          </LabelValue>

          {post.mySignup ? (
            <View id={`post-${post.id}-signup`} className={`${SIGNUP_BOX[post.mySignup.status]} post__signup`}>
              <View className="status__title">{`我的报名：${SIGNUP_STATUS_LABELS[post.mySignup.status]}`}</View>
              {post.mySignup.status === 'REJECTED' && post.mySignup.reason ? (
                <View className="text">{`原因：${post.mySignup.reason}`}</View>
              ) : null}
              {post.mySignup.status === 'APPROVED' ? <View className="text">回到「我的」页面下拉刷新，就能看到志愿者任务</View> : null}
            </View>
          ) : null}

          {post.mySignup?.status === 'PENDING' ? (
            <View className="gap-top">
              <Button id={`post-${post.id}-withdraw`} size="large" block fill="outline" onClick={() => setWithdrawing(post)}>
                撤回报名
              </Button>
            </View>
          ) : null}
          {maySignUp(post) ? (
            <View className="gap-top">
              <Button
                id={`post-${post.id}-signup-button`}
                type="primary"
                size="large"
                block
                disabled={post.approved >= post.slots}
                onClick={() => open(post)}
              >
                {post.approved >= post.slots ? '已招满' : post.mySignup ? '重新报名' : '我要报名'}
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      <Sheet
        id="signup-sheet"
        visible={signingUp !== null}
        title={signingUp ? `报名：${signingUp.title}` : '报名'}
        onClose={() => setSigningUp(null)}
      >
        <Field
          label="联系电话（可不填）"
          error={errors.phone}
          hint={householdPhone ? `不填就用您家登记的电话 ${householdPhone}` : '不填就用您家登记的电话'}
        >
          <TextInput
            id="signup-phone"
            type="number"
            maxlength={11}
            value={form.phone}
            onChange={(phone) => setForm((f) => ({ ...f, phone }))}
            placeholder="11位手机号"
            invalid={Boolean(errors.phone)}
          />
        </Field>
        <Field label="想说的话（可不填）" error={errors.note}>
          <Textarea
            id="signup-note"
            className="textarea"
            value={form.note}
            maxlength={200}
            placeholder="如：有驾照、能搬重物"
            placeholderClass="input-placeholder"
            onInput={(e) => setForm((f) => ({ ...f, note: e.detail.value }))}
          />
        </Field>
        {formError ? (
          <View id="signup-error" className="error-text" role="alert">
            {formError}
          </View>
        ) : null}
        <View className="gap-top button-row">
          <Button id="signup-cancel" size="large" fill="outline" disabled={signUp.busy} onClick={() => setSigningUp(null)}>
            取消
          </Button>
          <Button id="signup-submit" type="primary" size="large" loading={signUp.busy} onClick={submit}>
            提交报名
          </Button>
        </View>
      </Sheet>

      <ConfirmDialog
        visible={withdrawing !== null}
        title="撤回报名"
        confirmText="撤回"
        cancelText="不撤回"
        danger
        busy={withdraw.busy}
        onConfirm={() => withdrawing && void withdraw.run(withdrawing.id)}
        onCancel={() => setWithdrawing(null)}
      >
        {withdrawing ? `撤回「${withdrawing.title}」的报名吗？撤回后还可以重新报名。` : ''}
      </ConfirmDialog>
    </View>
  );
}
