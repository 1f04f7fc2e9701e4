import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MAX_PHOTO_BYTES } from '@linli/shared-types';
import { singleFileUpload } from '../../common/upload';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

/** Uploaded photos: contactless delivery, prescriptions, receipts. */
@Module({
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(singleFileUpload('file', { maxBytes: MAX_PHOTO_BYTES, tooLarge: 'PHOTO_TOO_LARGE', unreadable: 'FILE_NOT_IMAGE' }))
      .forRoutes({ path: 'files', method: RequestMethod.POST });
  }
}
