import { describe, expect, it } from '@jest/globals';
import { normalizeSignInCode } from './sign-in-code';

describe('normalizeSignInCode', () => {
  it('reads a code however it is typed', () => {
    expect(normalizeSignInCode('ABCDE-FGH23')).toBe('ABCDEFGH23');
    expect(normalizeSignInCode(' abcde fgh23 ')).toBe('ABCDEFGH23');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeSignInCode('')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGH2')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGH20')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGH2O')).toBeNull();
  });
});
