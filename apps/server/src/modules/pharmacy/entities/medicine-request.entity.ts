import {
  MEDICINE_FLOW,
  type BrandPreference,
  type MedicineState,
  type PaymentMode,
  type QuoteStatus,
  type Urgency,
} from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** A household's request for medicine bought on its behalf. */
@Entity('medicine_requests')
export class MedicineRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  @Column({ name: 'pharmacy_id', type: 'int' })
  pharmacyId: number;

  @Column({ type: 'varchar', length: 20 })
  state: MedicineState;

  @Column({ type: 'varchar', length: 10 })
  urgency: Urgency;

  @Column({ name: 'for_whom', type: 'varchar', length: 40, nullable: true })
  forWhom: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'placed_by', type: 'int' })
  placedBy: number;

  @Column({ type: 'boolean' })
  proxy: boolean;

  @Column({ name: 'payment_mode', type: 'varchar', length: 10 })
  paymentMode: PaymentMode;

  @Column({ name: 'total_fen', type: 'int' })
  totalFen: number;

  /** WeChat Pay: an accepted quote unpaid by then expires. */
  @Column({ name: 'pay_by', type: 'datetime', precision: 3, nullable: true })
  payBy: Date | null;

  @Column({ name: 'quote_deadline', type: 'datetime', precision: 3 })
  quoteDeadline: Date;

  @Column({ name: 'quoted_at', type: 'datetime', precision: 3, nullable: true })
  quotedAt: Date | null;

  @Column({ name: 'quoted_by', type: 'int', nullable: true })
  quotedBy: number | null;

  @Column({ name: 'quote_note', type: 'varchar', length: 200, nullable: true })
  quoteNote: string | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 200, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'receipt_file_id', type: 'int', nullable: true })
  receiptFileId: number | null;

  @Column({ name: 'purchased_at', type: 'datetime', precision: 3, nullable: true })
  purchasedAt: Date | null;

  @Column({ name: 'purchased_by', type: 'int', nullable: true })
  purchasedBy: number | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'repeat_of', type: 'int', nullable: true })
  repeatOf: number | null;

  /** The pharmacy's reason when it could not buy what was confirmed. */
  @Column({ name: 'cannot_buy_reason', type: 'varchar', length: 200, nullable: true })
  cannotBuyReason: string | null;

  /** Why staff cancelled it (its parcel came back, it went to another pharmacy). */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /** The fresh request this one was handed over as (another pharmacy, after this one could not buy it). */
  @Column({ name: 'moved_to', type: 'int', nullable: true })
  movedTo: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** MEDICINE_FLOW governs `medicine_requests.state`. */
export const MEDICINE_WORKFLOW = defineWorkflow('medicine', MEDICINE_FLOW, 'SUBMITTED', MedicineRequest);

/** One medicine of a request, and the pharmacy's quote for it. */
@Entity('medicine_items')
export class MedicineItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_id', type: 'int' })
  requestId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 60 })
  spec: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'varchar', length: 10 })
  brand: BrandPreference;

  @Column({ type: 'boolean' })
  prescription: boolean;

  @Column({ name: 'quote_status', type: 'varchar', length: 12, nullable: true })
  quoteStatus: QuoteStatus | null;

  @Column({ name: 'substitute_name', type: 'varchar', length: 60, nullable: true })
  substituteName: string | null;

  @Column({ name: 'unit_price_fen', type: 'int', nullable: true })
  unitPriceFen: number | null;

  @Column({ type: 'boolean', nullable: true })
  accepted: boolean | null;
}

/** A prescription (or medicine box) photo of a request. */
@Entity('medicine_photos')
export class MedicinePhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_id', type: 'int' })
  requestId: number;

  @Column({ name: 'file_id', type: 'int' })
  fileId: number;
}
