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

  /** Fair-share windows: the published lottery seed, and when the draw ran (null before). */
  @Column({ name: 'allocation_seed', type: 'varchar', length: 100, nullable: true })
  allocationSeed: string | null;

  @Column({ name: 'allocated_at', type: 'datetime', precision: 3, nullable: true })
  allocatedAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** WINDOW_FLOW governs `windows.status` (staff pause, resume, close early). */
export const WINDOW_WORKFLOW = defineWorkflow('window', WINDOW_FLOW, 'ACTIVE', OrderingWindow, 'status');
