import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  HELP_CATEGORIES,
  HELP_CATEGORY_LABELS,
  HELP_DEADLINE_MINUTES_MAX,
  HELP_DEADLINE_MINUTES_MIN,
  HELP_URGENCIES,
  HELP_URGENCY_LABELS,
  type HelpCategory,
  type HelpDeadline,
  type HelpUrgency,
} from '@linli/shared-types';
import { errorMessage, getHelpDeadlines, setHelpDeadlines, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { minutesInWords } from '../texts';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

type Key = `${HelpCategory}.${HelpUrgency}`;
type Draft = Record<Key, { first: string; solution: string }>;

function toDraft(deadlines: HelpDeadline[]): Draft {
  const draft = {} as Draft;
  for (const d of deadlines) {
    draft[`${d.category}.${d.urgency}`] = { first: String(d.firstResponseMinutes), solution: String(d.solutionMinutes) };
  }
  return draft;
}

function valid(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= HELP_DEADLINE_MINUTES_MIN && n <= HELP_DEADLINE_MINUTES_MAX ? n : null;
}

/** 响应时限 (staff): per category and urgency, minutes to the first response and to the solution. Ids dl-{category}-{urgency}-first / -solution, dl-save. */
export default function HelpDeadlinesPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const [saved, setSaved] = useState<HelpDeadline[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState('');

  const load = async () => {
    try {
      const deadlines = await getHelpDeadlines();
      setSaved(deadlines);
      setDraft(toDraft(deadlines));
    } catch (e) {
      showApiError(e);
    }
  };
  useRefresh(load);

  const save = useAction(
    async (deadlines: HelpDeadline[], key: string) => {
      const result = await setHelpDeadlines({ deadlines }, key);
      setSaved(result);
      setDraft(toDraft(result));
      setError('');
      void Taro.showToast({ title: '已保存', icon: 'success' });
      return result;
    },
    (e) => {
      setError(errorMessage(e));
      return true;
    },
  );

  if (!draft || !saved) return <View className={pageClassLoading}>正在加载…</View>;

  const set = (key: Key, field: 'first' | 'solution', value: string) => {
    setDraft((prev) => (prev ? { ...prev, [key]: { ...prev[key], [field]: value } } : prev));
    setError('');
  };

  const submit = () => {
    const changed: HelpDeadline[] = [];
    for (const category of HELP_CATEGORIES) {
      for (const urgency of HELP_URGENCIES) {
        const key: Key = `${category}.${urgency}`;
        const row = draft[key];
        if (!row) continue;
        const first = valid(row.first);
        const solution = valid(row.solution);
        const where = `${HELP_URGENCY_LABELS[urgency]}${HELP_CATEGORY_LABELS[category]}`;
        if (first === null || solution === null) {
          setError(`${where}：请填 ${HELP_DEADLINE_MINUTES_MIN} 到 ${HELP_DEADLINE_MINUTES_MAX} 之间的分钟数`);
          return;
        }
        if (solution < first) {
          setError(`${where}：解决时限不能短于响应时限`);
          return;
        }
        const before = saved.find((d) => d.category === category && d.urgency === urgency);
        if (!before || before.firstResponseMinutes !== first || before.solutionMinutes !== solution) {
          changed.push({ category, urgency, firstResponseMinutes: first, solutionMinutes: solution });
        }
      }
    }
    if (changed.length === 0) {
      setError('没有改动');
      return;
    }
    void save.run(changed);
  };

  return (
    <View className={pageClass}>
      <View className="muted gap-small">单位：分钟。改动只对以后的求助生效，已发出的求助按当时的时限计算。</View>
      {HELP_CATEGORIES.map((category) => (
        <View key={category} className="card" id={`dl-${category}`}>
          <View className="card-title">{HELP_CATEGORY_LABELS[category]}</View>
          {HELP_URGENCIES.map((urgency) => {
            const key: Key = `${category}.${urgency}`;
            const row = draft[key] ?? { first: '', solution: '' };
            return (
              <View key={urgency} className="gap-small">
                <View className="field__label">{HELP_URGENCY_LABELS[urgency]}</View>
                <View className="hp-deadline-row">
                  <View className="hp-deadline-row__label">响应</View>
                  <TextInput
                    id={`dl-${category}-${urgency}-first`}
                    type="number"
                    value={row.first}
                    onChange={(v) => set(key, 'first', v)}
                  />
                </View>
                <View className="hp-deadline-row">
                  <View className="hp-deadline-row__label">解决</View>
                  <TextInput
                    id={`dl-${category}-${urgency}-solution`}
                    type="number"
                    value={row.solution}
                    onChange={(v) => set(key, 'solution', v)}
                  />
                </View>
                {valid(row.first) !== null && valid(row.solution) !== null ? (
                  <View className="muted">{`${minutesInWords(Number(row.first))}内响应，${minutesInWords(Number(row.solution))}内解决`}</View>
                ) : null}
              </View>
            );
          })}
        </View>
      ))}
      {error ? (
        <View className="error-text" role="alert" id="dl-error">
          {error}
        </View>
      ) : null}
      <Button id="dl-save" type="primary" size="large" block loading={save.busy} onClick={submit}>
        保存时限
      </Button>
    </View>
  );
}
