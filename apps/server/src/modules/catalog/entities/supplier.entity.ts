import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A partner supermarket or farm that supplies the community's packages. */
@Entity('suppliers')
export class Supplier {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 40, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
