import { describe, expect, it } from '@jest/globals';
import { checkCode, inviteRoleName, normalizeCode } from './invite-code';

describe('invite codes', () => {
  it('reads what people type: small letters, spaces and dashes', () => {
    expect(normalizeCode(' ab23-cd45 ')).toBe('AB23CD45');
    expect(checkCode(normalizeCode('ab23 cd45'))).toBeNull();
  });

  it('refuses a code of the wrong length or with look-alike characters', () => {
    expect(checkCode('AB23CD4')).toContain('8 位');
    expect(checkCode('AB23CD40')).toContain('8 位');
    expect(checkCode('AB23CDI5')).toContain('8 位');
  });

  it('names a squad leader by the squad', () => {
    expect(inviteRoleName('squad_leader', 'delivery')).toBe('配送组组长');
    expect(inviteRoleName('supervisor', null)).toBe('督导');
  });
});
