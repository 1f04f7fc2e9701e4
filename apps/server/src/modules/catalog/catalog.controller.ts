import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ItemView, SupplierView, WindowView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { CatalogService } from './catalog.service';
import { SuppliersService } from './suppliers.service';
import { CreateItemDto, CreateSupplierDto, CreateWindowDto, UpdateWindowDto, WindowStatusDto } from './dto/catalog.dto';
import { WindowEditService } from './window-edit.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly supplies: SuppliersService,
    private readonly edits: WindowEditService,
  ) {}

  /** Windows the resident's household can order from now or soon. */
  @Get('windows')
  windows(@CurrentActor() actor: Actor): Promise<WindowView[]> {
    return this.catalog.windowsFor(actor);
  }

  @Get('windows/:id')
  window(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<WindowView> {
    return this.catalog.windowFor(actor, id);
  }

  @Get('staff/suppliers')
  @Roles('staff', 'supervisor')
  suppliers(@CurrentActor() actor: Actor): Promise<SupplierView[]> {
    return this.supplies.suppliers(actor);
  }

  @Post('staff/suppliers')
  @Roles('staff', 'supervisor')
  createSupplier(@CurrentActor() actor: Actor, @Body() dto: CreateSupplierDto): Promise<SupplierView> {
    return this.supplies.createSupplier(actor, dto);
  }

  @Get('staff/items')
  @Roles('staff', 'supervisor')
  items(@CurrentActor() actor: Actor): Promise<ItemView[]> {
    return this.supplies.items(actor);
  }

  @Post('staff/items')
  @Roles('staff', 'supervisor')
  createItem(@CurrentActor() actor: Actor, @Body() dto: CreateItemDto): Promise<ItemView> {
    return this.supplies.createItem(actor, dto);
  }

  @Patch('staff/suppliers/:id')
  @Roles('staff', 'supervisor')
  updateSupplier(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateSupplierDto,
  ): Promise<SupplierView> {
    return this.supplies.updateSupplier(actor, id, dto);
  }

  /** Changes apply to windows opened afterwards; open windows keep their price and limit. */
  @Patch('staff/items/:id')
  @Roles('staff', 'supervisor')
  updateItem(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateItemDto): Promise<ItemView> {
    return this.supplies.updateItem(actor, id, dto);
  }

  @Get('staff/windows')
  @Roles('staff', 'supervisor')
  staffWindows(@CurrentActor() actor: Actor): Promise<WindowView[]> {
    return this.catalog.staffWindows(actor);
  }

  @Post('staff/windows')
  @Roles('staff', 'supervisor')
  createWindow(@CurrentActor() actor: Actor, @Body() dto: CreateWindowDto): Promise<WindowView> {
    return this.catalog.createWindow(actor, dto);
  }

  /** Change a window that has not ended: stock per item, hours, caps, buildings and zones (rules: WindowEditService). */
  @Patch('staff/windows/:id')
  @Roles('staff', 'supervisor')
  updateWindow(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateWindowDto): Promise<WindowView> {
    return this.edits.update(actor, id, dto);
  }

  /** Pause, resume (ACTIVE) or close early. */
  @Post('staff/windows/:id/status')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  setStatus(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: WindowStatusDto): Promise<WindowView> {
    return this.catalog.setStatus(actor, id, dto.status);
  }
}
