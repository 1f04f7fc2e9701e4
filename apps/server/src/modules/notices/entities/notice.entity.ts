import type { NoticeCategory } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A notice staff post to the whole community or to some buildings or zones. */
@Entity('notices')
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 20 })
  category: NoticeCategory;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Buildings it concerns, stored as ",3,7,"; with `zones` empty too, the whole community. */
  @Column({ name: 'building_ids', type: 'varchar', length: 2000, default: '' })
  buildingIds: string;

  /** Lockdown zones it concerns, stored as ",A区,B区,". */
  @Column({ type: 'varchar', length: 1000, default: '' })
  zones: string;

  /** Shown above the others, whatever their age. */
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  /** Shown in red, and named on 「我的」 until a newer urgent one comes. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /** Residents see it from this moment (staff may post ahead). */
  @Column({ name: 'publish_at', type: 'datetime', precision: 3 })
  publishAt: Date;

  /** Residents stop seeing it at this moment; null: never. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** The last change after posting: residents see 「已修改」 with this time. */
  @Column({ name: 'edited_at', type: 'datetime', precision: 3, nullable: true })
  editedAt: Date | null;

  @Column({ name: 'edited_by', type: 'int', nullable: true })
  editedBy: number | null;

  /** Withdrawn notices reach nobody any more; staff still see them. */
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'int', nullable: true })
  withdrawnBy: number | null;

  /** When an urgent notice was told to its households as a message (null: not yet, or not urgent). */
  @Column({ name: 'announced_at', type: 'datetime', precision: 3, nullable: true })
  announcedAt: Date | null;
}

/** A picture on a notice (a file of purpose `notice`), in the order staff put them. */
@Entity('notice_pictures')
export class NoticePictureRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @Column({ name: 'file_id', type: 'int' })
  fileId: number;

  @Column({ type: 'int' })
  position: number;
}

/**
 * A household has opened a notice: one row per notice and household (a unique key), so a
 * second opening, by the same person or another member, counts nothing again.
 */
@Entity('notice_reads')
export class NoticeRead {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** The household's building when it read it: read figures are counted per building. */
  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  /** Who of the household opened it first. */
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'read_at', type: 'datetime', precision: 3 })
  readAt: Date;
}
