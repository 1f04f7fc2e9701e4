import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A residential community (小区/社区): the scope of every role and every household. */
@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn()
  id: number;

  /** Unique on the server: the operator's CLI and residents searching for theirs tell communities apart by it. */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 区 (e.g. 包河区), as the operator gave it when creating the community. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  district: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
