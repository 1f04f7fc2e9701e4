/** What `Taro.requestSubscribeMessage` answers for one template id (WECHAT.md §4). */
export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const satisfies readonly SubscribeResult[];

/** The natural taps at which the app asks for subscriptions (never on page load). */
export type SubscribeMoment = 'order' | 'medicine' | 'duty' | 'fair-share' | 'activity' | 'help';
export const SUBSCRIBE_MOMENTS = [
  'order',
  'medicine',
  'duty',
  'fair-share',
  'activity',
  'help',
] as const satisfies readonly SubscribeMoment[];

/** POST /api/me/subscriptions: the popup's answer, template id → result. */
export interface SubscribeResultsRequest {
  results: Record<string, SubscribeResult>;
}

/** One template's remaining one-time allowance for the person asking. */
export interface SubscriptionAllowanceView {
  templateId: string;
  remaining: number;
}

/** GET /api/me/subscriptions/templates?moment=…: the template ids (≤3) to ask for at this tap; empty when none are configured. */
export interface SubscribeTemplatesView {
  tmplIds: string[];
}

/** A subscribe message WeChat refused for good (staff: GET /api/staff/subscriptions/refused), so its person was not reached on the phone. */
export interface RefusedPushView {
  messageId: number;
  userId: number;
  nickname: string;
  /** The person's own phone, else their household's contact phone; null when neither is known. */
  phone: string | null;
  /** Their household's door (楼栋单元房号); null for someone bound to no household (staff, a volunteer). */
  address: string | null;
  kind: string;
  templateId: string;
  /** What the message said (in the app it is in their 「消息」 list). */
  title: string;
  body: string;
  link: string | null;
  /** WeChat's errcode and errmsg, e.g. `WeChat errcode 47003: argument invalid! data.thing1.value …`. */
  reason: string;
  at: string;
}
