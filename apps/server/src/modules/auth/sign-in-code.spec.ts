import { formatSignInCode, hashSignInCode, newSignInCode, normalizeSignInCode, SIGN_IN_CODE_LENGTH } from './sign-in-code';

describe('sign-in codes', () => {
  it('are 10 characters without look-alikes, and differ', () => {
    const codes = Array.from({ length: 200 }, newSignInCode);
    for (const code of codes) {
      expect(code).toHaveLength(SIGN_IN_CODE_LENGTH);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normalizeSignInCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are shown in two groups of five and read back however they are typed', () => {
    expect(formatSignInCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(normalizeSignInCode('ABCDE-FGHJK')).toBe('ABCDEFGHJK');
    expect(normalizeSignInCode(' abcde fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeSignInCode('abcde－fghjk')).toBe('ABCDEFGHJK');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeSignInCode('')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGHJ')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGHJKM')).toBeNull();
    expect(normalizeSignInCode('ABCDE-FGHJ0')).toBeNull();
    expect(normalizeSignInCode("ABCDE' OR 1")).toBeNull();
  });

  it('are stored as their SHA-256, never as themselves', () => {
    const hash = hashSignInCode('ABCDEFGHJK');
    expect(hash).toBe('f57cbf1e3e471b25db4b8ad0844df41b2dae9c7d1944944d128e49294d412f66');
    expect(hash).not.toContain('ABCDEFGHJK');
    expect(hashSignInCode('ABCDEFGHJM')).not.toBe(hash);
  });
});
