import { Injectable } from '@nestjs/common';
import type { WindowView } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { CatalogService } from '../catalog/catalog.service';
import { ProxyAccess } from '../proxy/proxy-access';

/** What someone acting for a household orders from: the household's own window list (issue 18). */
@Injectable()
export class ProxyWindows {
  constructor(
    private readonly proxies: ProxyAccess,
    private readonly catalog: CatalogService,
  ) {}

  /** The windows the household sees itself (items, prices, stock, limits and what it may still order); NOT_PROXY for anyone else. */
  async list(actor: Actor, householdId: number): Promise<WindowView[]> {
    const { household } = await this.proxies.require(actor, householdId);
    return this.catalog.householdWindows(household);
  }
}
