import { Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SignInCode } from './entities/sign-in-code.entity';
import { hashSignInCode, newSignInCode, normalizeSignInCode } from './sign-in-code';

export interface IssuedSignInCode {
  /** The code itself, ungrouped: shown once, never stored. */
  code: string;
  expiresAt: Date;
}

/** The one writer of sign_in_codes: issuing (voiding the person's older ones) and redeeming. */
@Injectable()
export class SignInCodesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * A new code for the person; their unused older codes stop working (the one a lost note or
   * an old message carries). Runs in the caller's transaction.
   */
  async issue(userId: number, communityId: number | null): Promise<IssuedSignInCode> {
    const now = this.clock.now();
    const repo = this.db.repo(SignInCode);
    await repo.update({ userId, usedAt: IsNull(), voidedAt: IsNull() }, { voidedAt: now });
    const expiresAt = new Date(now.getTime() + this.config.signInCodeHours * 3600_000);
    for (;;) {
      const code = newSignInCode();
      try {
        await repo.insert({ userId, communityId, codeHash: hashSignInCode(code), expiresAt, usedAt: null, voidedAt: null, createdAt: now });
        return { code, expiresAt };
      } catch (error) {
        // One in 8·10^14: draw again.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * Uses the code and answers whose it was. The conditional UPDATE on an unused, unvoided,
   * unexpired code decides: of two redemptions at once, exactly one gets the row.
   */
  async redeem(input: string): Promise<{ userId: number; communityId: number | null }> {
    const code = normalizeSignInCode(input);
    if (code === null) throw new DomainError('SIGN_IN_CODE_INVALID');
    const now = this.clock.now();
    const repo = this.db.repo(SignInCode);
    const codeHash = hashSignInCode(code);
    const used = await repo.update({ codeHash, usedAt: IsNull(), voidedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    const row = await repo.findOneBy({ codeHash });
    if (used.affected !== 1 || !row) {
      const expired = row !== null && row.usedAt === null && row.voidedAt === null && row.expiresAt.getTime() <= now.getTime();
      throw new DomainError(expired ? 'SIGN_IN_CODE_EXPIRED' : 'SIGN_IN_CODE_INVALID');
    }
    return { userId: row.userId, communityId: row.communityId };
  }
}
