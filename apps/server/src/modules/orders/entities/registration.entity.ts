import { REGISTRATION_FLOW, type RegistrationState } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** A household's wish in a fair-share window; the lottery at close turns it into an order or not. */
@Entity('registrations')
export class Registration {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'window_id', type: 'int' })
  windowId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Who registered (the order made for a win is theirs). */
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 20 })
  state: RegistrationState;

  /** JSON [{ itemId, quantity }] */
  @Column({ type: 'text' })
  requested: string;

  /** JSON [{ itemId, quantity }] after the draw. */
  @Column({ type: 'text', nullable: true })
  allocated: string | null;

  /** Served first: a vulnerable household (PRIORITY_TAGS) when the draw ran. */
  @Column({ type: 'boolean' })
  priority: boolean;

  @Column({ name: 'draw_position', type: 'int', nullable: true })
  drawPosition: number | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** REGISTRATION_FLOW governs `registrations.state`. */
export const REGISTRATION_WORKFLOW = defineWorkflow('registration', REGISTRATION_FLOW, 'REGISTERED', Registration);
