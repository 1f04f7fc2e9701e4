import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { isUniqueViolation } from '../../../common/db-errors';
import { Transitions } from '../../../common/workflow';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { suggestOf, WechatSecurityClient, type SecurityOutcome } from '../../../wechat/wechat-security.client';
import { WechatPushHandlers, type PushEvent } from '../../../wechat/wechat-push';
import { FilesService } from '../../files/files.service';
import { MessagesService } from '../../messages/messages.service';
import { OutboxService, RetryLater } from '../../notify/outbox.service';
import { afterChecks } from './contest-rules';
import { CHECK_AUTO_APPROVED, CHECK_FLAGGED, CHECK_PASSED, LATE_FLAGGED } from './contest-workflow';
import { Contest, ContestContentCheck, ContestEntry, ContestEntryPicture } from './entities/contest.entity';

/** The outbox kind that sends an entry to WeChat's content security (after the entry's commit). */
export const CONTEST_CHECK = 'contest.check';

/** How long the signed link WeChat fetches a picture from lives (its verdict comes within 30 minutes). */
const MEDIA_LINK_MS = 6 * 3600_000;

/**
 * WeChat's content security for contest entries (WECHAT.md §5). The entry is written with an
 * outbox row; this handler, outside any transaction, sends the caption to msg_sec_check and each
 * picture (a signed public link) to media_check_async, recording each part once (unique
 * (entry, part)); picture verdicts come back as `wxa_media_check` pushes, recorded by trace id
 * (a repeat changes nothing). The verdicts decide the entry (`afterChecks`); a verdict that
 * never comes leaves it with staff, who may decide at any time.
 */
@Injectable()
export class ContentCheckService implements OnModuleInit {
  private readonly logger = new Logger('ContestContentCheck');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly security: WechatSecurityClient,
    private readonly push: WechatPushHandlers,
    private readonly files: FilesService,
    private readonly transitions: Transitions,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(CONTEST_CHECK, (payload) => this.check(Number(payload.entryId)));
    this.push.on('wxa_media_check', (event) => this.mediaVerdict(event));
  }

  /** Whether an entry by this user with this many pictures can be machine-checked. */
  async checkable(userId: number, pictures: number): Promise<boolean> {
    if (!this.security.configured) return false;
    if (pictures > 0 && this.config.publicBaseUrl === null) return false;
    return (await this.openid(userId)) !== null;
  }

  /** The outbox handler: asks WeChat about every part not asked yet, then settles the entry. */
  async check(entryId: number): Promise<void> {
    const entry = await this.db.repo(ContestEntry).findOneBy({ id: entryId });
    if (!entry || entry.state === 'REJECTED') return;
    const openid = await this.openid(entry.userId);
    const asked = new Set((await this.db.repo(ContestContentCheck).findBy({ entryId })).map((c) => c.part));
    const pictures = await this.db.repo(ContestEntryPicture).find({ where: { entryId }, order: { position: 'ASC' } });
    const parts: { part: string; ask: () => Promise<SecurityOutcome> }[] = [];
    if (!asked.has('text')) {
      parts.push({ part: 'text', ask: () => this.security.checkText(openid ?? '', `${entry.title}\n${entry.caption}`, 3, entry.title) });
    }
    for (const p of pictures) {
      const part = `file:${p.fileId}`;
      if (asked.has(part)) continue;
      const url = `${this.config.publicBaseUrl ?? ''}${this.files.link(p.fileId, MEDIA_LINK_MS)}`;
      parts.push({ part, ask: () => this.security.checkImage(openid ?? '', url, 3) });
    }
    let freshFlag = false;
    for (const { part, ask } of parts) {
      const outcome = openid === null ? ({ outcome: 'refused', errcode: 40003, reason: 'no openid' } as const) : await ask();
      if (outcome.outcome === 'retry') throw new RetryLater(outcome.reason);
      const now = this.clock.now();
      const row: Partial<ContestContentCheck> =
        outcome.outcome === 'verdict'
          ? { traceId: outcome.traceId, suggest: outcome.suggest, label: outcome.label, decidedAt: now }
          : outcome.outcome === 'queued'
            ? { traceId: outcome.traceId, suggest: null, label: null, decidedAt: null }
            : { traceId: null, suggest: 'error', label: outcome.errcode, decidedAt: now };
      if (outcome.outcome === 'verdict' && outcome.suggest !== 'pass') freshFlag = true;
      if (outcome.outcome === 'refused') this.logger.warn(`entry ${entryId} ${part} not checked: ${outcome.reason}`);
      await this.db.transaction(async () => {
        try {
          await this.db.repo(ContestContentCheck).insert({ entryId, part, createdAt: now, ...row });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error; // another worker recorded it first
        }
      });
    }
    await this.db.transaction(() => this.settle(entryId, freshFlag));
  }

  /** A pushed media verdict, by trace id: recorded once (a repeat finds it decided), then the entry settles. */
  async mediaVerdict(event: PushEvent): Promise<void> {
    const traceId = typeof event.trace_id === 'string' ? event.trace_id : null;
    if (traceId === null) return;
    const result = (event.result ?? {}) as { suggest?: string; label?: number };
    const failed = typeof event.errcode === 'number' && event.errcode !== 0;
    const check = await this.db.repo(ContestContentCheck).findOneBy({ traceId });
    // Not known yet: the verdict came before our handler wrote WeChat's answer down. Not `success`,
    // so WeChat pushes it again shortly.
    if (!check) throw new DomainError('SERVICE_UNAVAILABLE', { traceId });
    if (check.suggest !== null) return;
    const suggest = failed ? 'error' : suggestOf(result.suggest);
    const done = await this.db
      .repo(ContestContentCheck)
      .createQueryBuilder()
      .update()
      .set({
        suggest,
        label: failed ? Number(event.errcode) : (result.label ?? null),
        decidedAt: this.clock.now(),
      })
      .where('trace_id = :traceId AND suggest IS NULL', { traceId })
      .execute();
    if (done.affected === 1) await this.settle(check.entryId, suggest === 'risky' || suggest === 'review');
  }

  /**
   * In the caller's transaction: what the verdicts so far make of the entry. `freshFlag`: the
   * verdict just recorded found something — only that hides an entry staff already approved
   * (an older flag staff looked at and approved anyway does not).
   */
  private async settle(entryId: number, freshFlag = false): Promise<void> {
    const entry = await this.db.repo(ContestEntry).findOneBy({ id: entryId });
    if (!entry) return;
    const contest = await this.db.repo(Contest).findOneByOrFail({ id: entry.contestId });
    const checks = await this.db.repo(ContestContentCheck).findBy({ entryId });
    const pictures = await this.db.repo(ContestEntryPicture).countBy({ entryId });
    const decision = afterChecks(
      checks.map((c) => c.suggest),
      1 + pictures,
      contest.autoApprove,
    );
    if (decision === null) return;
    const now = this.clock.now();
    if (entry.state === 'APPROVED' && decision.state === 'FLAGGED' && freshFlag) {
      await this.transitions.systemTransition(LATE_FLAGGED, { ids: [entryId] }, { machineChecked: true });
      return;
    }
    if (entry.state !== 'CHECKING') {
      // Staff decided first: only the record of whether the machine looked changes.
      if (decision.checked !== entry.machineChecked)
        await this.db.repo(ContestEntry).update({ id: entryId }, { machineChecked: decision.checked });
      return;
    }
    const move = decision.state === 'FLAGGED' ? CHECK_FLAGGED : decision.state === 'APPROVED' ? CHECK_AUTO_APPROVED : CHECK_PASSED;
    const moved = await this.transitions.systemTransition(
      move,
      { ids: [entryId] },
      { machineChecked: decision.checked, ...(decision.state === 'APPROVED' ? { decidedAt: now } : {}) },
    );
    if (moved === 1 && decision.state === 'APPROVED') {
      await this.messages.tell({
        userId: entry.userId,
        communityId: entry.communityId,
        kind: 'contest.approved',
        title: '您的参赛作品已通过审核',
        body: `《${entry.title}》已通过审核，邻居们现在可以看到并投票了。`,
        link: `/activities/contest/index?id=${entry.contestId}`,
      });
    }
  }

  /** The WeChat openid of a user (null: never logged in through WeChat), by a plain read of the users table. */
  private async openid(userId: number): Promise<string | null> {
    const [row] = await this.db.rows<{ openid: string | null }>('SELECT openid FROM users WHERE id = ?', [userId]);
    return row?.openid ?? null;
  }
}
