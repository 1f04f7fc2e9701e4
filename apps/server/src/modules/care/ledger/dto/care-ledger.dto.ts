import {
  CARE_NEEDS,
  CONTACT_KINDS,
  CONTACT_NOTE_MAX,
  type CareNeed,
  type ContactKind,
  type FollowUpKind,
  type FollowUpRequest,
  type RecordContactRequest,
} from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, trim } from '../../../../common/validators';
import { IsDay } from '../../../catalog/dto/catalog.dto';

const DAY = '日期不对，请按 2026-04-05 这样填写';

/** GET /api/care/ledger?date=&gridWorkerId= */
export class LedgerQueryDto {
  @IsOptional()
  @IsDay(DAY)
  date?: string;

  /** Staff: one grid worker's households (0: those with none). */
  @IsOptional()
  @Type(() => Number)
  @IsId('网格员不对，请重新选择')
  gridWorkerId?: number;
}

/** GET /api/staff/care/ledger.xlsx?from=&to= */
export class LedgerExportQueryDto {
  @IsDay(DAY)
  from: string;

  @IsDay(DAY)
  to: string;
}

/** POST /api/care/ledger/contacts */
export class RecordContactDto implements RecordContactRequest {
  @IsId('住户不对，请刷新后重试')
  householdId: number;

  @IsIn(CONTACT_KINDS, { message: '请选择：电话联系上、上门看过或没人接' })
  kind: ContactKind;

  @IsArray({ message: '请选择有什么需要' })
  @ArrayMaxSize(CARE_NEEDS.length, { message: '请选择有什么需要' })
  @IsIn(CARE_NEEDS, { each: true, message: '请从列表中选择需要' })
  needs: CareNeed[];

  @IsOptional()
  @Transform(trim)
  @IsString({ message: `备注最多 ${CONTACT_NOTE_MAX} 个字` })
  @MaxLength(CONTACT_NOTE_MAX, { message: `备注最多 ${CONTACT_NOTE_MAX} 个字` })
  note?: string;
}

/** POST /api/care/ledger/contacts/:id/follow-up */
export class FollowUpDto implements FollowUpRequest {
  @IsIn(['help', 'medicine', 'order'], { message: '请选择转为求助、买药或代下单' })
  kind: FollowUpKind;

  @IsId('没有找到要关联的登记，请刷新后重试')
  id: number;
}
