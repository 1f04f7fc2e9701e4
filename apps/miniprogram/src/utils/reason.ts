/** What a refusal's reason must be (the person refused reads it), and what to say when it is not. */
export interface ReasonRule {
  min: number;
  max: number;
  message: string;
}

/** The reason to send (trimmed), or the message to show under the box. */
export function checkReason(text: string, rule: ReasonRule): { reason: string } | { error: string } {
  const reason = text.trim();
  return reason.length < rule.min || reason.length > rule.max ? { error: rule.message } : { reason };
}
