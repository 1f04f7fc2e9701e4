/** One-time sign-in codes as the server makes them: 10 characters, A–Z and 2–9 without look-alikes. */
export const SIGN_IN_CODE_LENGTH = 10;

const VALID = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/;

/** What the person typed, as the code: capitals, no spaces or dashes; null when it cannot be one. */
export function normalizeSignInCode(text: string): string | null {
  const code = text.replace(/[\s\-－—_]/g, '').toUpperCase();
  return VALID.test(code) ? code : null;
}
