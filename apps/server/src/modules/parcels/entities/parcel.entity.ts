import { PARCEL_FLOW, type FailureReason, type ParcelState } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** One delivery to one door: a household's orders of one batch, or another source. */
@Entity('parcels')
export class Parcel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  /** What it belongs to, e.g. "window:3": one parcel per household per batch. */
  @Column({ type: 'varchar', length: 40 })
  batch: string;

  /**
   * The batch while the parcel has not left (READY, ASSIGNED, ACCEPTED): orders packed later join
   * it. NULL once it has left; the household's open parcel per batch is unique.
   */
  @Column({ name: 'open_batch', type: 'varchar', length: 40, nullable: true })
  openBatch: string | null;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** Dispatch goes by building. */
  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  @Column({ name: 'delivery_date', type: 'varchar', length: 10 })
  deliveryDate: string;

  /** 米面油套餐×2、鸡蛋×1 — what the label and the volunteer see. */
  @Column({ type: 'varchar', length: 500 })
  contents: string;

  @Column({ type: 'varchar', length: 20 })
  state: ParcelState;

  @Column({ name: 'volunteer_id', type: 'int', nullable: true })
  volunteerId: number | null;

  @Column({ name: 'assigned_at', type: 'datetime', precision: 3, nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'failure_reason', type: 'varchar', length: 20, nullable: true })
  failureReason: FailureReason | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /** Contactless: the volunteer's photo of it at the door, and when it was left. */
  @Column({ name: 'photo_file_id', type: 'int', nullable: true })
  photoFileId: number | null;

  @Column({ name: 'left_at', type: 'datetime', precision: 3, nullable: true })
  leftAt: Date | null;

  /** Cash the volunteer collects at the door (pay-on-delivery orders, medicine), in fen. */
  @Column({ name: 'cash_due_fen', type: 'int', default: 0 })
  cashDueFen: number;

  /** When the volunteer tapped 已收款, and who. */
  @Column({ name: 'cash_collected_at', type: 'datetime', precision: 3, nullable: true })
  cashCollectedAt: Date | null;

  @Column({ name: 'cash_collected_by', type: 'int', nullable: true })
  cashCollectedBy: number | null;

  /**
   * Times volunteers let it go (declined, not accepted, not picked up); at MISSES_TO_STAFF it is
   * offered to nobody else and waits for staff. Raised by the conditional UPDATE that frees it.
   */
  @Column({ name: 'miss_count', type: 'int', default: 0 })
  missCount: number;

  /** When its volunteer was reminded to pick it up; a reminder older than the acceptance (updated_at) is a past one. */
  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** PARCEL_FLOW governs `parcels.state` (written only by ParcelFlow, with an event per move). */
export const PARCEL_WORKFLOW = defineWorkflow('parcel', PARCEL_FLOW, 'READY', Parcel);
