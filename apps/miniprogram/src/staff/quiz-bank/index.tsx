import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { StaffQuestionView } from '@linli/shared-types';
import { listQuestions, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { Segments } from '@/components/Segments';
import { useRefresh } from '@/hooks/useRefresh';
import { usePageClass } from '@/hooks/useElderly';

type Shelf = 'active' | 'archived';

/** 题库: the community's questions (in use, or archived), newest first; tap one to edit it. */
export default function QuizBankPage() {
  const pageClass = usePageClass();
  const [shelf, setShelf] = useState<Shelf>('active');
  const [questions, setQuestions] = useState<StaffQuestionView[] | null>(null);

  const load = async (which: Shelf = shelf) => {
    try {
      setQuestions(await listQuestions(which === 'archived'));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(() => load());

  return (
    <View className={pageClass}>
      <Button
        id="question-new"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: '/staff/question-edit/index' })}
      >
        新增题目
      </Button>
      <View className="gap-top" />
      <Segments
        idPrefix="bank-shelf"
        options={[
          { value: 'active', label: '在用' },
          { value: 'archived', label: '已归档' },
        ]}
        value={shelf}
        onChange={(s) => {
          setShelf(s);
          setQuestions(null);
          void load(s);
        }}
      />
      <ListStatus items={questions} empty={shelf === 'active' ? '题库里还没有题目' : '没有归档的题目'} emptyId="bank-empty" />
      {(questions ?? []).map((q) => (
        <View
          key={q.id}
          id={`question-${q.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/question-edit/index?id=${q.id}` })}
        >
          <View className="muted">
            {q.kind === 'multiple' ? '多选题' : '单选题'}
            {q.tags.length > 0 ? ` · ${q.tags.join('、')}` : ''}
          </View>
          <View className="card-title">{q.text}</View>
          <View className="muted">正确答案：{q.correct.map((i) => q.options[i]).join('、')}</View>
        </View>
      ))}
    </View>
  );
}
