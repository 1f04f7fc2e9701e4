import { Injectable } from '@nestjs/common';
import type { PharmacistInvite as InviteView, PharmacyBody, PharmacyView } from '@linli/shared-types';
import { In, IsNull, MoreThan } from 'typeorm';
import { staffCommunity } from '../../common/access';
import { hasRole, type Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { readableCode } from '../../common/readable-code';
import { UsersService } from '../community/users.service';
import { PaymentsService } from '../payments/payments.service';
import { Pharmacist, PharmacistInvite, Pharmacy, PharmacyDefault } from './entities/pharmacy.entity';

const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** Pharmacies of a community, the zones they serve by default, and their pharmacists. */
@Injectable()
export class PharmaciesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly payments: PaymentsService,
  ) {}

  async create(actor: Actor, body: PharmacyBody): Promise<PharmacyView> {
    const communityId = staffCommunity(actor);
    this.checkPayment(body);
    const saved = await this.db.repo(Pharmacy).save({
      communityId,
      name: body.name,
      address: body.address,
      hours: body.hours,
      phone: body.phone || null,
      paymentMode: body.paymentMode,
      createdAt: this.clock.now(),
    });
    await this.setDefaults(communityId, saved.id, body.defaultFor);
    await this.audit.record(actor, {
      action: 'pharmacy.create',
      targetType: 'pharmacy',
      targetId: saved.id,
      details: { ...body },
    });
    return (await this.views([saved]))[0] as PharmacyView;
  }

  async update(actor: Actor, id: number, body: PharmacyBody): Promise<PharmacyView> {
    const pharmacy = await this.staffPharmacy(actor, id);
    this.checkPayment(body);
    const changed = { name: body.name, address: body.address, hours: body.hours, phone: body.phone || null, paymentMode: body.paymentMode };
    await this.db.repo(Pharmacy).update({ id }, changed);
    await this.db.repo(PharmacyDefault).delete({ communityId: pharmacy.communityId, pharmacyId: id });
    await this.setDefaults(pharmacy.communityId, id, body.defaultFor);
    await this.audit.record(actor, {
      action: 'pharmacy.update',
      targetType: 'pharmacy',
      targetId: id,
      details: { ...body },
    });
    return (await this.views([{ ...pharmacy, ...changed }]))[0] as PharmacyView;
  }

  async list(actor: Actor): Promise<PharmacyView[]> {
    const communityId = staffCommunity(actor);
    return this.views(await this.db.repo(Pharmacy).find({ where: { communityId }, order: { id: 'ASC' } }));
  }

  /** A one-time code (7 days) a pharmacist enters to join this pharmacy. */
  async invite(actor: Actor, pharmacyId: number): Promise<InviteView> {
    await this.staffPharmacy(actor, pharmacyId);
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_LIFETIME_MS);
    for (;;) {
      const code = readableCode();
      try {
        await this.db.repo(PharmacistInvite).insert({
          pharmacyId,
          code,
          expiresAt,
          usedBy: null,
          usedAt: null,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      await this.audit.record(actor, { action: 'pharmacy.invite', targetType: 'pharmacy', targetId: pharmacyId });
      return { code, expiresAt: expiresAt.toISOString() };
    }
  }

  /** The person with the code becomes a pharmacist of that pharmacy (of one pharmacy only). */
  async join(actor: Actor, code: string): Promise<PharmacyView> {
    const now = this.clock.now();
    const invite = await this.db.repo(PharmacistInvite).findOneBy({ code: code.trim().toUpperCase() });
    if (!invite) throw new DomainError('INVITE_INVALID');
    const used = await this.db
      .repo(PharmacistInvite)
      .update({ id: invite.id, usedBy: IsNull(), expiresAt: MoreThan(now) }, { usedBy: actor.userId, usedAt: now });
    if (used.affected !== 1) throw new DomainError('INVITE_INVALID');
    const pharmacy = await this.db.repo(Pharmacy).findOneByOrFail({ id: invite.pharmacyId });
    await this.users.grantRole(actor.userId, pharmacy.communityId, 'pharmacist');
    const repo = this.db.repo(Pharmacist);
    if (await repo.exists({ where: { userId: actor.userId } })) await repo.update({ userId: actor.userId }, { pharmacyId: pharmacy.id });
    else await repo.insert({ userId: actor.userId, pharmacyId: pharmacy.id, communityId: pharmacy.communityId, createdAt: now });
    await this.audit.record(actor, { action: 'pharmacy.join', targetType: 'pharmacy', targetId: pharmacy.id });
    return (await this.views([pharmacy]))[0] as PharmacyView;
  }

  /** The pharmacy this pharmacist works for. */
  async mine(actor: Actor): Promise<Pharmacy> {
    const row = hasRole(actor, 'pharmacist') ? await this.db.repo(Pharmacist).findOneBy({ userId: actor.userId }) : null;
    const pharmacy = row ? await this.db.repo(Pharmacy).findOneBy({ id: row.pharmacyId }) : null;
    if (!pharmacy) throw new DomainError('NOT_A_PHARMACIST');
    return pharmacy;
  }

  async mineView(actor: Actor): Promise<PharmacyView> {
    return (await this.views([await this.mine(actor)]))[0] as PharmacyView;
  }

  /** Staff took the pharmacist role away here: they no longer work for this community's pharmacy. */
  async release(userId: number, communityId: number): Promise<void> {
    await this.db.repo(Pharmacist).delete({ userId, communityId });
  }

  /** The pharmacy id this actor works for, or null. */
  async pharmacyOf(userId: number): Promise<number | null> {
    return (await this.db.repo(Pharmacist).findOneBy({ userId }))?.pharmacyId ?? null;
  }

  /** Where a household's requests go: its zone's default, else the community's, else the first pharmacy. */
  async defaultFor(communityId: number, zone: string | null): Promise<Pharmacy> {
    const defaults = await this.db.repo(PharmacyDefault).findBy({ communityId, zone: In([zone ?? '', '']) });
    const chosen = defaults.find((d) => d.zone === (zone ?? '') && d.zone !== '') ?? defaults.find((d) => d.zone === '');
    const pharmacy = chosen
      ? await this.db.repo(Pharmacy).findOneBy({ id: chosen.pharmacyId })
      : await this.db.repo(Pharmacy).findOne({ where: { communityId }, order: { id: 'ASC' } });
    if (!pharmacy) throw new DomainError('NO_PHARMACY');
    return pharmacy;
  }

  async staffPharmacy(actor: Actor, id: number): Promise<Pharmacy> {
    const pharmacy = await this.db.repo(Pharmacy).findOneBy({ id, communityId: staffCommunity(actor) });
    if (!pharmacy) throw new DomainError('PHARMACY_NOT_FOUND');
    return pharmacy;
  }

  async byIds(ids: number[]): Promise<Map<number, Pharmacy>> {
    const rows = ids.length ? await this.db.repo(Pharmacy).findBy({ id: In(ids) }) : [];
    return new Map(rows.map((p) => [p.id, p]));
  }

  private checkPayment(body: PharmacyBody): void {
    if (body.paymentMode === 'wechat' && !this.payments.configured) throw new DomainError('PAYMENT_NOT_CONFIGURED');
  }

  private async setDefaults(communityId: number, pharmacyId: number, zones: string[]): Promise<void> {
    const repo = this.db.repo(PharmacyDefault);
    for (const zone of [...new Set(zones.map((z) => z.trim()))]) {
      // A zone has one default: taking it over moves it from the pharmacy that had it.
      const moved = await repo.update({ communityId, zone }, { pharmacyId });
      if (moved.affected !== 1) await repo.insert({ communityId, zone, pharmacyId });
    }
  }

  private async views(rows: Pharmacy[]): Promise<PharmacyView[]> {
    const ids = rows.map((p) => p.id);
    const defaults = ids.length ? await this.db.repo(PharmacyDefault).findBy({ pharmacyId: In(ids) }) : [];
    const staff = ids.length ? await this.db.repo(Pharmacist).findBy({ pharmacyId: In(ids) }) : [];
    const names = await this.users.nicknames(staff.map((s) => s.userId));
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      address: p.address,
      hours: p.hours,
      phone: p.phone,
      paymentMode: p.paymentMode,
      defaultFor: defaults.filter((d) => d.pharmacyId === p.id).map((d) => d.zone),
      pharmacists: staff.filter((s) => s.pharmacyId === p.id).map((s) => ({ userId: s.userId, nickname: names.get(s.userId) ?? '' })),
    }));
  }
}
