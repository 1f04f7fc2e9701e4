/**
 * The value rules of subscribe-message keywords (WECHAT.md §4) and fitting a value to them
 * before sending: WeChat refuses a whole message (47003) when one value breaks its rule, so a
 * long title is cut with 「…」 rather than losing the message. Pure; unit-tested.
 */
export const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A keyword is its type and a number: `thing1`, `character_string12`, `time3`. */
export function fieldTypeOf(key: string): FieldType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  const type = m?.[1];
  return type !== undefined && (FIELD_TYPES as readonly string[]).includes(type) ? (type as FieldType) : null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const ELLIPSIS = '…';

/** Cut to `max` characters (code points, as WeChat counts them), the last one 「…」 when cut. */
export function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + ELLIPSIS;
}

/** Chinese date and time in Beijing time: 2022年4月27日 15:01 (or the date alone). */
export function beijingTime(at: Date, withTime = true): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const date = `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日`;
  return withTime ? `${date} ${parts.hour}:${parts.minute}` : date;
}

/** What to put when nothing of the source fits (a keyword may not be empty). */
const EMPTY: Record<FieldType, string> = {
  thing: '无',
  number: '0',
  letter: 'A',
  symbol: '-',
  character_string: '-',
  time: '',
  date: '',
  amount: '0元',
  phone_number: '-',
  car_number: '-',
  name: '无',
  phrase: '通知',
};

/** A value fitted to its keyword's rule. Times are given as Date; everything else as text. */
export function fitField(type: FieldType, value: string | Date): string {
  if (value instanceof Date) return beijingTime(value, type !== 'date');
  const text = value.replace(/\s+/g, ' ').trim();
  const fitted = fitText(type, text);
  return fitted === '' ? EMPTY[type] : fitted;
}

function fitText(type: FieldType, text: string): string {
  switch (type) {
    case 'thing':
      return cut(text, 20);
    case 'phrase':
      return Array.from(text.replace(/[^\u3400-\u9fff\uf900-\ufaff]/gu, ''))
        .slice(0, 5)
        .join('');
    case 'name':
      return CJK.test(text) ? cut(text, 10) : cut(text, 20);
    case 'character_string':
      return text.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
    case 'number':
      return text.replace(/\D/g, '').slice(0, 32);
    case 'letter':
      return text.replace(/[^A-Za-z]/g, '').slice(0, 32);
    case 'symbol':
      return Array.from(text).slice(0, 5).join('');
    case 'amount': {
      const n = /\d{1,10}(\.\d{1,2})?/.exec(text.replace(/,/g, ''));
      return n ? `${n[0]}元` : '';
    }
    case 'phone_number':
      return text.replace(/[^\d+-]/g, '').slice(0, 17);
    case 'car_number':
      return Array.from(text.replace(/\s/g, '')).slice(0, 8).join('');
    case 'time':
    case 'date':
      return text;
  }
}
