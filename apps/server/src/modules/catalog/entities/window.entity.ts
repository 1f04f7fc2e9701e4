import { WINDOW_FLOW, type PaymentMode, type WindowMode, type WindowStatus } from '@linli/shared-types';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineWorkflow } from '../../../common/workflow';

/** An ordering window (订购批次): what can be ordered, by whom, between when, delivered when. */
@Entity('windows')
export class OrderingWindow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 10 })
  mode: WindowMode;

  @Column({ name: 'payment_mode', type: 'varchar', length: 10 })
  paymentMode: PaymentMode;

  /** Staff's switch; whether it is open right now also depends on the clock (see windowPhase). */
  @Column({ type: 'varchar', length: 10 })
  status: WindowStatus;

  @Column({ name: 'opens_at', type: 'datetime', precision: 3 })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'datetime', precision: 3 })
  closesAt: Date;

  /** YYYY-MM-DD, Asia/Shanghai. */
  @Column({ name: 'delivery_date', type: 'varchar', length: 10 })
  deliveryDate: string;

  /** ",3,7," — the buildings served; empty = all. */
  @Column({ name: 'building_ids', type: 'varchar', length: 2000 })
  buildingIds: string;

  /** ",A区,B区," — the zones served; empty = all. */
  @Column({ type: 'varchar', length: 500 })
  zones: string;

  /** Orders after which the window closes by itself; null = no cap. */
  @Column({ name: 'max_orders', type: 'int', nullable: true })
  maxOrders: number | null;

  /** Orders per building after which that building's households can no longer order; null = no cap. */
  @Column({ name: 'max_orders_per_building', type: 'int', nullable: true })
  maxOrdersPerBuilding: number | null;

  @Column({ name: 'order_count', type: 'int', default: 0 })
  orderCount: number;

  /**
   * Fair-share windows: the lottery seed, made by the server when the window is created (see
   * lottery-seed.ts) and secret until the draw, which reveals it. Nobody chooses it.
   */
  @Column({ name: 'allocation_seed', type: 'varchar', length: 100, nullable: true })
  allocationSeed: string | null;

  /** SHA-256 (hex) of the seed, public from creation: the commitment the revealed seed is checked against. */
  @Column({ name: 'seed_hash', type: 'varchar', length: 64, nullable: true })
  seedHash: string | null;

  /** When the draw ran (null before); claimed once by a conditional UPDATE. */
  @Column({ name: 'allocated_at', type: 'datetime', precision: 3, nullable: true })
  allocatedAt: Date | null;

  /** WeChat Pay windows: the draw's winners pay by then (FAIR_SHARE_PAY_HOURS after it); null otherwise. */
  @Column({ name: 'pay_by', type: 'datetime', precision: 3, nullable: true })
  payBy: Date | null;

  /** When the second round ran (null before); claimed once, like the draw. */
  @Column({ name: 'second_round_at', type: 'datetime', precision: 3, nullable: true })
  secondRoundAt: Date | null;

  /** WeChat Pay windows: the second round's winners pay by then. */
  @Column({ name: 'second_round_pay_by', type: 'datetime', precision: 3, nullable: true })
  secondRoundPayBy: Date | null;

  /** JSON [{ itemId, quantity }]: the units there were to draw in the second round, as published. */
  @Column({ name: 'second_round_stock', type: 'text', nullable: true })
  secondRoundStock: string | null;

  /** Up by one with each staff edit (see WindowEditService): an edit from an older version is WINDOW_CHANGED. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** WINDOW_FLOW governs `windows.status` (staff pause, resume, close early). */
export const WINDOW_WORKFLOW = defineWorkflow('window', WINDOW_FLOW, 'ACTIVE', OrderingWindow, 'status');
