import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query, StreamableFile, UploadedFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BindingCodeResponse, HouseholdView, ImportResult, Page } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { FileUpload } from '../../common/upload';
import { HouseholdQueryDto, UpsertHouseholdDto } from './dto/community.dto';
import { HouseholdImportService } from './household-import.service';
import { HouseholdsService } from './households.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('staff: households')
@ApiBearerAuth()
@Controller('staff/households')
@Roles('staff', 'supervisor')
export class StaffHouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly sheets: HouseholdImportService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: HouseholdQueryDto): Promise<Page<HouseholdView>> {
    return this.households.list(actor, query);
  }

  /** The list's households as Excel (same filters, every page). */
  @Get('export')
  @ApiProduces(XLSX)
  async export(@CurrentActor() actor: Actor, @Query() query: HouseholdQueryDto): Promise<StreamableFile> {
    const file = await this.sheets.export(actor, query);
    return new StreamableFile(file, {
      type: XLSX,
      disposition: `attachment; filename="households.xlsx"; filename*=UTF-8''${encodeURIComponent('住户.xlsx')}`,
    });
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HouseholdView> {
    return this.households.getFor(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: UpsertHouseholdDto): Promise<HouseholdView> {
    return this.households.create(actor, dto);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpsertHouseholdDto): Promise<HouseholdView> {
    return this.households.update(actor, id, dto);
  }

  @Post(':id/binding-code')
  bindingCode(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<BindingCodeResponse> {
    return this.households.createBindingCode(actor, id);
  }

  /** An .xlsx (multipart field `file`, 10 MB at most, read once the caller is known to be staff): all rows or none. */
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @UseGuards(FileUpload('file'))
  import(@CurrentActor() actor: Actor, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<ImportResult> {
    if (!file) throw new DomainError('IMPORT_FILE_UNREADABLE');
    return this.sheets.import(actor, file.buffer);
  }
}
