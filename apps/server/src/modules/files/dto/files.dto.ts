import { FILE_PURPOSES, type FileLinkQuery, type FilePurpose, type UploadRequest } from '@linli/shared-types';
import { IsIn, IsString, Length } from 'class-validator';

export class UploadDto implements UploadRequest {
  @IsIn(Object.keys(FILE_PURPOSES), { message: '请说明照片的用途' })
  purpose: FilePurpose;
}

export class FileLinkDto implements FileLinkQuery {
  @IsString({ message: '图片链接不完整' })
  @Length(1, 100, { message: '图片链接不完整' })
  t: string;
}
