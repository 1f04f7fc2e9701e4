import { Injectable } from '@nestjs/common';
import type { ContentLine, ItemView, SupplierView } from '@linli/shared-types';
import { In } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import type { CreateItemDto, CreateSupplierDto } from './dto/catalog.dto';
import { Item } from './entities/item.entity';
import { Supplier } from './entities/supplier.entity';

/** What a community can buy and from whom: suppliers and their items (packages and essentials). */
@Injectable()
export class SuppliersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async createSupplier(actor: Actor, dto: CreateSupplierDto): Promise<SupplierView> {
    const communityId = staffCommunity(actor);
    const s = await this.db.repo(Supplier).save({
      communityId,
      name: dto.name,
      contactName: dto.contactName || null,
      contactPhone: dto.contactPhone || null,
      createdAt: this.clock.now(),
    });
    await this.audit.record(actor, { action: 'supplier.create', targetType: 'supplier', targetId: s.id });
    return { id: s.id, name: s.name, contactName: s.contactName, contactPhone: s.contactPhone };
  }

  async suppliers(actor: Actor): Promise<SupplierView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(Supplier).find({ where: { communityId }, order: { id: 'ASC' } });
    return rows.map((s) => ({ id: s.id, name: s.name, contactName: s.contactName, contactPhone: s.contactPhone }));
  }

  async createItem(actor: Actor, dto: CreateItemDto): Promise<ItemView> {
    const communityId = staffCommunity(actor);
    const supplier = await this.supplierOf(communityId, dto);
    const item = await this.db.repo(Item).save({ communityId, ...itemFields(supplier, dto), createdAt: this.clock.now() });
    await this.audit.record(actor, { action: 'item.create', targetType: 'item', targetId: item.id });
    return this.itemView(item, supplier.name);
  }

  async updateSupplier(actor: Actor, id: number, dto: CreateSupplierDto): Promise<SupplierView> {
    const communityId = staffCommunity(actor);
    const found = await this.db.repo(Supplier).findOneBy({ id, communityId });
    if (!found) throw new DomainError('SUPPLIER_NOT_FOUND');
    await this.db
      .repo(Supplier)
      .update({ id }, { name: dto.name, contactName: dto.contactName || null, contactPhone: dto.contactPhone || null });
    await this.audit.record(actor, { action: 'supplier.update', targetType: 'supplier', targetId: id });
    return { id, name: dto.name, contactName: dto.contactName || null, contactPhone: dto.contactPhone || null };
  }

  /**
   * Edits an item for windows opened from now on: a window keeps the price and limit it was
   * opened with (orders already placed were priced then).
   */
  async updateItem(actor: Actor, id: number, dto: CreateItemDto): Promise<ItemView> {
    const communityId = staffCommunity(actor);
    const item = await this.db.repo(Item).findOneBy({ id, communityId });
    if (!item) throw new DomainError('ITEM_NOT_FOUND');
    const supplier = await this.supplierOf(communityId, dto);
    Object.assign(item, itemFields(supplier, dto));
    await this.db.repo(Item).save(item);
    await this.audit.record(actor, { action: 'item.update', targetType: 'item', targetId: id });
    return this.itemView(item, supplier.name);
  }

  async items(actor: Actor): Promise<ItemView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(Item).find({ where: { communityId }, order: { kind: 'DESC', id: 'ASC' } });
    const suppliers = await this.names(rows.map((i) => i.supplierId));
    return rows.map((i) => this.itemView(i, suppliers.get(i.supplierId) ?? ''));
  }

  /** An item's name and what is in it (a care campaign's package), or null when it is not this community's. */
  async packageOf(communityId: number, id: number): Promise<{ name: string; contents: string } | null> {
    const item = await this.db.repo(Item).findOneBy({ id, communityId });
    if (!item) return null;
    const lines = JSON.parse(item.contents) as { name: string; quantity: string }[];
    return { name: item.name, contents: lines.map((l) => `${l.name}${l.quantity}`).join('、') };
  }

  /** The supplier of each item, for pick lists. */
  async supplierOfItems(itemIds: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(itemIds)];
    const items = unique.length ? await this.db.repo(Item).findBy({ id: In(unique) }) : [];
    const names = await this.names(items.map((i) => i.supplierId));
    return new Map(items.map((i) => [i.id, names.get(i.supplierId) ?? '']));
  }

  private itemView(i: Item, supplierName: string): ItemView {
    return {
      id: i.id,
      kind: i.kind,
      name: i.name,
      pictureUrl: i.pictureUrl,
      contents: parseContents(i.contents),
      priceFen: i.priceFen,
      limitPerHousehold: i.limitPerHousehold,
      supplierId: i.supplierId,
      supplierName,
    };
  }

  /** The item's supplier, of this community. */
  private async supplierOf(communityId: number, dto: CreateItemDto): Promise<Supplier> {
    const supplier = await this.db.repo(Supplier).findOneBy({ id: dto.supplierId, communityId });
    if (!supplier) throw new DomainError('SUPPLIER_NOT_FOUND');
    return supplier;
  }

  /** Supplier names by id, for views. */
  async names(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.repo(Supplier).findBy({ id: In(unique) }) : [];
    return new Map(rows.map((s) => [s.id, s.name]));
  }
}

/** What staff say of an item, as stored. */
function itemFields(
  supplier: Supplier,
  dto: CreateItemDto,
): Pick<Item, 'supplierId' | 'kind' | 'name' | 'pictureUrl' | 'contents' | 'priceFen' | 'limitPerHousehold'> {
  return {
    supplierId: supplier.id,
    kind: dto.kind,
    name: dto.name,
    pictureUrl: dto.pictureUrl || null,
    contents: JSON.stringify(dto.contents.map((c) => ({ name: c.name, quantity: c.quantity }))),
    priceFen: dto.priceFen,
    limitPerHousehold: dto.limitPerHousehold,
  };
}

/** An item's contents as stored (JSON), or none when unreadable. */
export function parseContents(json: string): ContentLine[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ContentLine[]) : [];
  } catch {
    return [];
  }
}
