import { createHash } from 'node:crypto';
import { CODE_ALPHABET, readableCode } from '../../common/readable-code';

/**
 * One-time sign-in codes: 10 characters of the look-alike-free alphabet (31^10 ≈ 8·10^14, so
 * guessing one within the login rate limit is hopeless), shown as two groups of five to be read
 * out over the phone or copied from a note. Only their SHA-256 is stored.
 */
export const SIGN_IN_CODE_LENGTH = 10;

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${SIGN_IN_CODE_LENGTH}}$`);

/** A fresh code, ungrouped. */
export function newSignInCode(): string {
  return readableCode(SIGN_IN_CODE_LENGTH);
}

/** ABCDE-FGHJK: how a code is shown to people. */
export function formatSignInCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a person typed, as stored: spaces and dashes dropped, lower case raised. Null when it
 * cannot be a code at all (wrong length, a character outside the alphabet).
 */
export function normalizeSignInCode(input: string): string | null {
  const code = input.replace(/[\s\-－—_]/g, '').toUpperCase();
  return VALID.test(code) ? code : null;
}

/** The stored form of a (normalized) code. */
export function hashSignInCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
