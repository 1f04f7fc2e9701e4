import { MESSAGE_KINDS, type MessageKind } from '@linli/shared-types';
import { readFileSync } from 'node:fs';
import { fieldTypeOf, type FieldType } from '../wechat/subscribe-fields';

/**
 * What fills a keyword: the message's title or body, its deadline (for a message without one,
 * when it was sent), when it was sent, or a fixed text (`{"text": "待处理"}`).
 */
export type FieldSource = 'title' | 'body' | 'deadline' | 'sentAt' | { text: string };
const SOURCES = ['title', 'body', 'deadline', 'sentAt'] as const;
const TIME_SOURCES = new Set(['deadline', 'sentAt']);
/** Keywords a time can be written into. */
const TAKES_TIME = new Set<FieldType>(['time', 'date', 'thing']);

export interface SubscribeTemplate {
  /** The template id from the mini-program's 订阅消息 console. */
  templateId: string;
  /** keyword (thing1, time2, …) → where its value comes from. */
  fields: Record<string, FieldSource>;
}

/** Message kind → the template it goes out with; kinds not listed stay in the app's list. */
export type SubscribeTemplates = Partial<Record<MessageKind, SubscribeTemplate>>;

export class SubscribeTemplatesError extends Error {}

/**
 * WECHAT_SUBSCRIBE_TEMPLATES (JSON) or WECHAT_SUBSCRIBE_TEMPLATES_FILE (a path to that JSON):
 * `{"medicine.quoted": {"templateId": "…", "fields": {"thing1": "title", "time2": "deadline"}}}`.
 * Null when neither is set (only the in-app list is used). Throws with a readable reason.
 */
export function loadSubscribeTemplates(env: NodeJS.ProcessEnv): SubscribeTemplates | null {
  const file = env.WECHAT_SUBSCRIBE_TEMPLATES_FILE;
  let text = env.WECHAT_SUBSCRIBE_TEMPLATES;
  if (file) {
    if (text) throw new SubscribeTemplatesError('set WECHAT_SUBSCRIBE_TEMPLATES or WECHAT_SUBSCRIBE_TEMPLATES_FILE, not both');
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new SubscribeTemplatesError(`WECHAT_SUBSCRIBE_TEMPLATES_FILE: cannot read ${file}`);
    }
  }
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SubscribeTemplatesError('WECHAT_SUBSCRIBE_TEMPLATES is not valid JSON');
  }
  return parseSubscribeTemplates(raw);
}

export function parseSubscribeTemplates(raw: unknown): SubscribeTemplates {
  if (!isObject(raw)) throw new SubscribeTemplatesError('WECHAT_SUBSCRIBE_TEMPLATES must be an object: message kind → template');
  const templates: SubscribeTemplates = {};
  const keysOf = new Map<string, string>();
  for (const [kind, entry] of Object.entries(raw)) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      throw new SubscribeTemplatesError(`WECHAT_SUBSCRIBE_TEMPLATES: "${kind}" is not a message kind (known: ${MESSAGE_KINDS.join(', ')})`);
    }
    const where = `WECHAT_SUBSCRIBE_TEMPLATES["${kind}"]`;
    if (!isObject(entry) || typeof entry.templateId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(entry.templateId)) {
      throw new SubscribeTemplatesError(`${where}: needs a templateId (letters, digits, - and _)`);
    }
    if (!isObject(entry.fields) || Object.keys(entry.fields).length === 0) {
      throw new SubscribeTemplatesError(`${where}: needs fields, e.g. {"thing1": "title", "time2": "deadline"}`);
    }
    const fields: Record<string, FieldSource> = {};
    for (const [key, source] of Object.entries(entry.fields)) fields[key] = checkField(`${where}.fields.${key}`, key, source);
    // One template has one set of keywords, whichever kinds use it.
    const keys = Object.keys(fields).sort().join(',');
    const seen = keysOf.get(entry.templateId);
    if (seen !== undefined && seen !== keys) {
      throw new SubscribeTemplatesError(`${where}: template ${entry.templateId} is given other keywords elsewhere (${seen})`);
    }
    keysOf.set(entry.templateId, keys);
    templates[kind as MessageKind] = { templateId: entry.templateId, fields };
  }
  return templates;
}

function checkField(where: string, key: string, source: unknown): FieldSource {
  const type = fieldTypeOf(key);
  if (type === null) throw new SubscribeTemplatesError(`${where}: not a WeChat keyword (thing1, time2, phrase3, …)`);
  if (isObject(source) && typeof source.text === 'string' && source.text !== '') return { text: source.text };
  if (typeof source !== 'string' || !(SOURCES as readonly string[]).includes(source)) {
    throw new SubscribeTemplatesError(`${where}: must be one of ${SOURCES.join(', ')} or {"text": "…"}`);
  }
  if ((type === 'time' || type === 'date') && !TIME_SOURCES.has(source)) {
    throw new SubscribeTemplatesError(`${where}: a ${type} keyword takes deadline or sentAt`);
  }
  if (TIME_SOURCES.has(source) && !TAKES_TIME.has(type)) {
    throw new SubscribeTemplatesError(`${where}: a time goes into a time, date or thing keyword, not ${type}`);
  }
  return source as FieldSource;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
