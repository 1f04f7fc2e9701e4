import type { PaymentMode } from '@linli/shared-types';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A pharmacy that buys medicine for the community's households. */
@Entity('pharmacies')
export class Pharmacy {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 60 })
  hours: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'payment_mode', type: 'varchar', length: 10 })
  paymentMode: PaymentMode;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** Which pharmacy a zone's requests go to ('' = the whole community). */
@Entity('pharmacy_defaults')
export class PharmacyDefault {
  @PrimaryColumn({ name: 'community_id', type: 'int' })
  communityId: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  zone: string;

  @Column({ name: 'pharmacy_id', type: 'int' })
  pharmacyId: number;
}

/** A pharmacist and the one pharmacy they work for. */
@Entity('pharmacists')
export class Pharmacist {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'pharmacy_id', type: 'int' })
  pharmacyId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A one-time code staff give a pharmacist to join their pharmacy. */
@Entity('pharmacist_invites')
export class PharmacistInvite {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'pharmacy_id', type: 'int' })
  pharmacyId: number;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_by', type: 'int', nullable: true })
  usedBy: number | null;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
