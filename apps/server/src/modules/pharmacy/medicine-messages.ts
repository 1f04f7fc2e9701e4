import { Injectable } from '@nestjs/common';
import { formatFen, QUOTE_ANSWER_HOURS, type MedicineState } from '@linli/shared-types';
import { LessThan, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { MessagesService } from '../messages/messages.service';
import { atTime } from '../messages/wording';
import { MedicineRequest } from './entities/medicine-request.entity';

const householdPage = (id: number): string => `/medicine/request/index?id=${id}`;
const pharmacyPage = (id: number): string => `/pharmacy/request/index?id=${id}`;

/**
 * What a medicine request tells whom, in the transaction of its change: the household its
 * quote (answer by …), refusal, purchase, delivery or a purchase that failed; the pharmacists a
 * new (or 今天要) request; staff a request still unquoted past its deadline. Reminders and
 * overdue warnings are told once each (a once key per request).
 */
@Injectable()
export class MedicineMessages {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {}

  async submitted(r: MedicineRequest): Promise<void> {
    const urgent = r.urgency === 'today';
    await this.messages.tellEach(await this.messages.pharmacistsOf(r.pharmacyId), {
      communityId: r.communityId,
      kind: urgent ? 'medicine.urgent_request' : 'medicine.new_request',
      title: urgent ? '今天要的买药登记' : '新的买药登记',
      body: `请在 ${atTime(r.quoteDeadline)} 前报价${urgent ? '（居民今天就要）' : ''}`,
      link: pharmacyPage(r.id),
      deadline: r.quoteDeadline,
    });
  }

  /** After a person's move of the request (quote, refusal, purchase, cannot buy). */
  async moved(r: MedicineRequest, to: MedicineState): Promise<void> {
    const tell = (
      kind: 'medicine.quoted' | 'medicine.unpaid' | 'medicine.rejected' | 'medicine.bought' | 'medicine.cannot_buy',
      title: string,
      body: string,
      deadline: Date | null = null,
    ) => this.messages.tellHousehold(r.householdId, { communityId: r.communityId, kind, title, body, link: householdPage(r.id), deadline });
    if (to === 'QUOTED') {
      const answerBy = new Date(this.clock.now().getTime() + QUOTE_ANSWER_HOURS * 3600_000);
      await tell(
        'medicine.quoted',
        '药房已报价',
        `共 ${formatFen(r.totalFen)}，报价 ${QUOTE_ANSWER_HOURS} 小时内有效：请在 ${atTime(answerBy)} 前确认要哪些药`,
        answerBy,
      );
    } else if (to === 'AWAITING_PAYMENT' && r.payBy) {
      const by = new Date(r.payBy);
      const minutes = Math.max(1, Math.round((by.getTime() - this.clock.now().getTime()) / 60_000));
      await tell(
        'medicine.unpaid',
        '买药待付款',
        `共 ${formatFen(r.totalFen)}，请在 ${minutes} 分钟内付款（${atTime(by)} 前），过时登记自动取消`,
        by,
      );
    } else if (to === 'REJECTED') {
      await tell('medicine.rejected', '买药登记未通过', `药房说明：${r.rejectionReason ?? ''}`);
    } else if (to === 'PURCHASED') {
      await tell('medicine.bought', '药已买好', '药房已买好药，志愿者会送到您家门口');
    } else if (to === 'CANNOT_BUY') {
      await tell('medicine.cannot_buy', '药房买不到这些药', `药房说明：${r.cannotBuyReason ?? ''}。社区工作人员会帮您换一家药房`);
    }
  }

  /** The parcel carrying it was delivered (in that transaction). */
  async delivered(id: number): Promise<void> {
    const r = await this.db.repo(MedicineRequest).findOneByOrFail({ id });
    await this.messages.tellHousehold(r.householdId, {
      communityId: r.communityId,
      kind: 'medicine.delivered',
      title: '药已送到',
      body: '您的药已送到家门口，请查收',
      link: householdPage(r.id),
    });
  }

  /** WeChat has paid the money of a cancelled or unbuyable request back (in the refund's transaction). */
  async refunded(id: number, amountFen: number): Promise<void> {
    const r = await this.db.repo(MedicineRequest).findOneByOrFail({ id });
    await this.messages.tellHousehold(r.householdId, {
      communityId: r.communityId,
      kind: 'medicine.refunded',
      title: '买药退款已到账',
      body: `买药的 ${formatFen(amountFen)} 已原路退回您的微信`,
      link: householdPage(r.id),
    });
  }

  /** Quotes unanswered for `hours`: the household is reminded once before the quote lapses. */
  async remindQuotes(hours: number): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.repo(MedicineRequest).find({
      where: { state: 'QUOTED', quotedAt: LessThanOrEqual(new Date(now.getTime() - hours * 3600_000)) },
      take: 1000,
    });
    let told = 0;
    for (const r of due) {
      const lapses = new Date(new Date(r.quotedAt!).getTime() + QUOTE_ANSWER_HOURS * 3600_000);
      told += await this.db.transaction(() =>
        this.messages.tellHousehold(r.householdId, {
          communityId: r.communityId,
          kind: 'medicine.quote_expiring',
          title: '报价快要过期了',
          body: `药房的报价将在 ${atTime(lapses)} 过期，请尽快确认要哪些药`,
          link: householdPage(r.id),
          deadline: lapses,
          once: (userId) => `medicine:${r.id}:quote-remind:${userId}`,
        }),
      );
    }
    return told;
  }

  /** Requests still waiting for a quote past their deadline: staff are told once per request. */
  async warnOverdue(): Promise<number> {
    const due = await this.db.repo(MedicineRequest).find({
      where: { state: 'SUBMITTED', quoteDeadline: LessThan(this.clock.now()) },
      take: 1000,
    });
    let told = 0;
    for (const r of due) {
      told += await this.db.transaction(async () =>
        this.messages.tellEach(await this.messages.staffOf(r.communityId), {
          communityId: r.communityId,
          kind: 'medicine.overdue',
          title: '买药登记超时未报价',
          body: `药房没有在 ${atTime(r.quoteDeadline)} 前报价，请联系药房或换一家`,
          link: '/staff/medicine/index',
          deadline: r.quoteDeadline,
          once: (userId) => `medicine:${r.id}:overdue:${userId}`,
        }),
      );
    }
    return told;
  }
}
