import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The first answer to a mutating request, per user and Idempotency-Key. A retry with the same
 * key gets this answer back instead of doing the work again.
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'idem_key', type: 'varchar', length: 100 })
  key: string;

  /** sha256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** The HTTP status of the first answer; 0 while a @CallsOut command is still running (its claim). */
  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  /** The first answer's JSON; while status_code is 0, the token of the request holding the claim. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /**
   * Set from the injected clock (a CreateDateColumn would cost a SELECT after every insert); for
   * a claim, when it was taken (it lapses after a minute: its server died mid-call).
   */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
