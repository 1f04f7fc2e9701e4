import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one access token every instance shares (WECHAT.md §2): fetched by whoever finds it due. */
@Entity('wechat_tokens')
export class WechatToken {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 40 })
  appId: string;

  @Column({ type: 'varchar', length: 1024 })
  token: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
