import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ProxyHousehold } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { ProxyHouseholdsService } from './proxy-households.service';

@ApiTags('proxy')
@ApiBearerAuth()
@Controller()
export class ProxyController {
  constructor(private readonly households: ProxyHouseholdsService) {}

  /** The households I may act for: as 家属, or as their grid worker. */
  @Get('me/proxy-households')
  list(@CurrentActor() actor: Actor): Promise<ProxyHousehold[]> {
    return this.households.list(actor);
  }
}
