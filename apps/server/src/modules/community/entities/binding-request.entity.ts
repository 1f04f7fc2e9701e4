import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BINDING_FLOW, type BindingState } from '@linli/shared-types';
import { defineWorkflow } from '../../../common/workflow';

/** A resident asking to be recognised as living in a household; staff approve or reject. */
@Entity('binding_requests')
export class BindingRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ type: 'varchar', length: 20 })
  state: BindingState;

  /**
   * The user's id while the request is PENDING, else null. A unique index on it means
   * one open request per user, even when two taps race.
   */
  @Column({ name: 'pending_user_id', type: 'int', nullable: true })
  pendingUserId: number | null;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ name: 'via_code', type: 'boolean', default: false })
  viaCode: boolean;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** BINDING_FLOW governs `binding_requests.state`. */
export const BINDING_WORKFLOW = defineWorkflow('binding', BINDING_FLOW, 'PENDING', BindingRequest);
