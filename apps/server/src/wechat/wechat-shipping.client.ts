import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { WechatAccessToken } from './access-token';
import { rfc3339Shanghai } from './wechat-pay.client';

export interface ShippingReport {
  outTradeNo: string;
  /** What was delivered, ≤120 characters. */
  itemDesc: string;
  payerOpenid: string;
  at: Date;
}

/**
 * 发货信息录入 (WECHAT.md §7): WeChat keeps a mini-program payment frozen until shipping is
 * recorded. Linli's volunteers deliver within the community: logistics_type 2 (同城配送), one
 * parcel per payment (delivery_mode 1).
 */
@Injectable()
export class WechatShippingClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
  ) {}

  get configured(): boolean {
    return this.token.configured && this.config.wechatPay !== null;
  }

  async upload(report: ShippingReport): Promise<void> {
    const mchid = this.config.wechatPay?.mchid ?? '';
    await this.token.post('/wxa/sec/order/upload_shipping_info', {
      order_key: { order_number_type: 1, mchid, out_trade_no: report.outTradeNo },
      logistics_type: 2,
      delivery_mode: 1,
      shipping_list: [{ item_desc: report.itemDesc.slice(0, 120) }],
      upload_time: rfc3339Shanghai(report.at),
      payer: { openid: report.payerOpenid },
    });
  }
}
