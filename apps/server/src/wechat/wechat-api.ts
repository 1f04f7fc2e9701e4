/** A refusal from WeChat's platform API (HTTP 200 with a non-zero errcode), or no answer (errcode null). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number | null,
    readonly errmsg: string,
  ) {
    super(errcode === null ? `WeChat unreachable: ${errmsg}` : `WeChat errcode ${errcode}: ${errmsg}`);
  }
}

export interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

/** POST JSON to a platform API; any errcode other than 0 becomes a WechatApiError. */
export async function postWechat<T extends WechatAnswer>(url: URL, body: object): Promise<T> {
  let answer: T;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    answer = (await res.json()) as T;
  } catch (error) {
    throw new WechatApiError(null, error instanceof Error ? error.message : String(error));
  }
  if ((answer.errcode ?? 0) !== 0) throw new WechatApiError(answer.errcode ?? null, answer.errmsg ?? '');
  return answer;
}
