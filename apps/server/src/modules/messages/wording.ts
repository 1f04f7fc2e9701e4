/** Made once: building an Intl.DateTimeFormat costs far more than formatting with it (a dispatch words 900 messages). */
const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** When, as a resident reads it: 「12月2日 09:30」 in Asia/Shanghai, where the communities live. */
export function atTime(date: Date): string {
  const parts = BEIJING.formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}
