import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time sign-in code the operator's CLI printed for a person (a community's first staff, a
 * staff member who lost their account). Only its SHA-256 is kept; it works once, until
 * `expiresAt`, unless a newer code for the same person voided it.
 */
@Entity('sign_in_codes')
export class SignInCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** The community the code was made for (for the audit log); the person acts there after signing in. */
  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  /** SHA-256 (hex) of the normalized code. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** Set when a newer code was made for the person: the old one no longer works. */
  @Column({ name: 'voided_at', type: 'datetime', precision: 3, nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
