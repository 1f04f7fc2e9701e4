import { REGISTRATION_FLOW, type ProxyKind, type RegistrationState } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** A household's wish in a fair-share window; the lottery at close (and a second round) turn it into orders or not. */
@Entity('registrations')
export class Registration {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'window_id', type: 'int' })
  windowId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Who registered last: a member, or someone acting for the household (the order made for a win is theirs). */
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /**
   * As whom `userId` registered for the household when not a member of it (staff, its grid
   * worker, its 家属: issue 18); null when a member did. The order made for a win is then a proxy order.
   */
  @Column({ name: 'proxy_kind', type: 'varchar', length: 12, nullable: true })
  proxyKind: ProxyKind | null;

  @Column({ type: 'varchar', length: 20 })
  state: RegistrationState;

  /** JSON [{ itemId, quantity }] */
  @Column({ type: 'text' })
  requested: string;

  /** JSON [{ itemId, quantity }]: what the draw (round 1) gave. */
  @Column({ type: 'text', nullable: true })
  allocated: string | null;

  /**
   * Served first: a vulnerable household (PRIORITY_TAGS) when the draw ran. Published to staff
   * and to the household itself, never to neighbours.
   */
  @Column({ type: 'boolean' })
  priority: boolean;

  /** Place in the draw order (1 = first served); the second round goes down the same order. */
  @Column({ name: 'draw_position', type: 'int', nullable: true })
  drawPosition: number | null;

  /** The order made for what the draw gave. */
  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId: number | null;

  /** Place among the households drawn again in the second round; null when not drawn again. */
  @Column({ name: 'round2_position', type: 'int', nullable: true })
  round2Position: number | null;

  /** JSON [{ itemId, quantity }]: what the second round gave. */
  @Column({ name: 'round2_allocated', type: 'text', nullable: true })
  round2Allocated: string | null;

  /** The order made for what the second round gave (one order per round, so a paid one is never changed). */
  @Column({ name: 'round2_order_id', type: 'int', nullable: true })
  round2OrderId: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** REGISTRATION_FLOW governs `registrations.state`. */
export const REGISTRATION_WORKFLOW = defineWorkflow('registration', REGISTRATION_FLOW, 'REGISTERED', Registration);
