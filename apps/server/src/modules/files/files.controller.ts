import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Res, StreamableFile, UploadedFile, UseGuards } from '@nestjs/common';
import { MAX_PHOTO_BYTES } from '@linli/shared-types';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FileView } from '@linli/shared-types';
import type { Response } from 'express';
import { CurrentActor, Public, type Actor } from '../../common/actor';
import { FileUpload } from '../../common/upload';
import { FileLinkDto, UploadDto } from './dto/files.dto';
import { FilesService } from './files.service';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** Upload a photo (multipart field `file`, with `purpose`): JPEG, PNG or WebP, 5 MB at most. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @UseGuards(FileUpload('file', { maxBytes: MAX_PHOTO_BYTES, tooLarge: 'PHOTO_TOO_LARGE', unreadable: 'FILE_NOT_IMAGE' }))
  upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadDto,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
  ): Promise<FileView> {
    return this.files.store(actor, dto.purpose, file);
  }

  /** The photo, for someone allowed to see it (with the session's token). */
  @Get(':id')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  async read(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.read(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.data, { type: file.mime });
  }

  /** The photo behind a short-lived signed link from a view (for <Image>, which sends no token). */
  @Public()
  @Get(':id/content')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  async content(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: FileLinkDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.readByLink(id, query.t);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    return new StreamableFile(file.data, { type: file.mime });
  }
}
