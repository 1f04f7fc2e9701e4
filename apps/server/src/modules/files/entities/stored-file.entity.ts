import type { FilePurpose } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded photo, its bytes in the database so that any instance can serve it. */
@Entity('files')
export class StoredFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'owner_user_id', type: 'int' })
  ownerUserId: number;

  /** The household it is about, once known (a prescription at upload, a door photo when attached). */
  @Column({ name: 'household_id', type: 'int', nullable: true })
  householdId: number | null;

  @Column({ type: 'varchar', length: 20 })
  purpose: FilePurpose;

  @Column({ type: 'varchar', length: 40 })
  mime: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Loaded only when served. */
  @Column({ type: 'blob', select: false })
  data: Buffer;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
