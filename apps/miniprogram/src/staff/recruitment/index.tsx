import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SQUAD_LABELS, type VolunteerPostView } from '@linli/shared-types';
import { closeVolunteerPost, listStaffVolunteerPosts, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { PostForm } from './PostForm';
import '../recruitment.css';
import { usePageClass } from '@/hooks/useElderly';

/** 志愿者招募: staff publish a post per squad, see how many signed up, review them, end it. */
export default function StaffRecruitmentPage() {
  const pageClass = usePageClass();
  const [posts, setPosts] = useState<VolunteerPostView[] | null>(null);
  const [writing, setWriting] = useState(false);
  const [closing, setClosing] = useState<VolunteerPostView | null>(null);

  const load = async () => {
    try {
      setPosts(await listStaffVolunteerPosts());
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  const close = useAction(async (id: number, key: string) => {
    const result = await closeVolunteerPost(id, key);
    setClosing(null);
    void Taro.showToast({ title: '已结束招募', icon: 'success' });
    await load();
    return result;
  });

  const openSignups = (post: VolunteerPostView) => void Taro.navigateTo({ url: `/staff/recruitment-post/index?id=${post.id}` });

  // With no post yet the form is the page; afterwards it opens from 「发布招募」.
  const showForm = writing || posts?.length === 0;

  return (
    <View className={pageClass}>
      {showForm ? (
        <PostForm
          onCreated={(post) => {
            setWriting(false);
            setPosts((prev) => [post, ...(prev ?? []).filter((p) => p.id !== post.id)]);
            void Taro.showToast({ title: '已发布', icon: 'success' });
          }}
          onCancel={posts?.length ? () => setWriting(false) : undefined}
        />
      ) : (
        <View className="rc-new">
          <Button id="post-new" type="primary" size="large" block onClick={() => setWriting(true)}>
            发布招募
          </Button>
        </View>
      )}

      {posts === null ? <View className="loading">正在加载…</View> : null}

      {(posts ?? []).map((post) => {
        const open = post.status === 'OPEN';
        const full = post.approved >= post.slots;
        return (
          <View key={post.id} id={`post-${post.id}`} className="card">
            <View className="head-row">
              <View className="card-title head-row__title">{post.title}</View>
              <View id={`post-${post.id}-status`} className={open ? 'rc-status rc-status--open' : 'rc-status'}>
                {open ? (full ? '已招满' : '招募中') : '已结束'}
              </View>
            </View>
            <LabelValue label="小组">{SQUAD_LABELS[post.squad]}</LabelValue>
            <LabelValue label="服务时间">{post.shift}</LabelValue>
            <LabelValue label="要求">{post.requirements}</LabelValue>
            <LabelValue label="发布时间">{formatTime(post.createdAt)}</LabelValue>
            <View className="rc-figures">
              <View className="rc-figure">
                <View className="muted">已通过</View>
                <View className="rc-figure__value" id={`post-${post.id}-approved`}>{`${post.approved} / ${post.slots}`}</View>
              </View>
              <View className="rc-figure">
                <View className="muted">待审核</View>
                <View
                  className={post.pending > 0 ? 'rc-figure__value rc-figure__value--waiting' : 'rc-figure__value'}
                  id={`post-${post.id}-pending`}
                >
                  {post.pending}
                </View>
              </View>
            </View>
            <View className="button-stack gap-top">
              <Button id={`post-${post.id}-signups`} type="primary" size="large" block onClick={() => openSignups(post)}>
                {post.pending > 0 ? `审核报名（${post.pending} 人等待）` : '查看报名'}
              </Button>
              {open ? (
                <Button
                  id={`post-${post.id}-close`}
                  type="danger"
                  fill="outline"
                  size="large"
                  block
                  disabled={close.busy}
                  onClick={() => setClosing(post)}
                >
                  结束招募
                </Button>
              ) : null}
            </View>
          </View>
        );
      })}

      <ConfirmDialog
        visible={closing !== null}
        title="结束招募"
        confirmText="结束"
        danger
        busy={close.busy}
        onConfirm={() => {
          if (closing) void close.run(closing.id);
        }}
        onCancel={() => setClosing(null)}
      >
        {closing ? `「${closing.title}」结束后居民不能再报名；已经报名的仍可以审核。` : ''}
      </ConfirmDialog>
    </View>
  );
}
