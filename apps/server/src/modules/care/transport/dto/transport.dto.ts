import {
  HOSPITAL_MAX,
  PATIENT_KINDS,
  PATIENT_NAME_MAX,
  PATIENT_NOTE_MAX,
  TRIP_NOTE_MAX,
  TRIP_STATES,
  VEHICLE_NAME_MAX,
  VEHICLE_SEATS_MAX,
  WEEKDAYS,
  type CreateTripRequest,
  type MoveRiderRequest,
  type PatientKind,
  type SavePatientRequest,
  type SaveVehicleRequest,
  type SkipRiderRequest,
  type StaffReturnRequest,
  type TripProgressRequest,
  type UpdateTripRequest,
  type TripState,
  type Weekday,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsId, Omittable, trim } from '../../../../common/validators';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = '时间要写成 07:30 这样';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME = `姓名要 1 到 ${PATIENT_NAME_MAX} 个字`;
const HOSPITAL = `医院名称要 2 到 ${HOSPITAL_MAX} 个字，例如：省立医院`;
const WEEKDAYS_MESSAGE = '请选择每周哪几天去（周一到周日，至少一天）';
const HOUSEHOLD = '请选择病人住的户';
const PATIENTS = '病人不对，请重新选择（一趟最多 20 位）';

/** POST /api/staff/care-transport/patients, PUT …/patients/:id */
export class SavePatientDto implements SavePatientRequest {
  @IsId(HOUSEHOLD)
  householdId: number;

  @Transform(trim)
  @IsString({ message: NAME })
  @Length(1, PATIENT_NAME_MAX, { message: NAME })
  name: string;

  @IsIn(PATIENT_KINDS, { message: '请选择透析、化疗或其他治疗' })
  kind: PatientKind;

  @Transform(trim)
  @IsString({ message: HOSPITAL })
  @Length(2, HOSPITAL_MAX, { message: HOSPITAL })
  hospital: string;

  @IsArray({ message: WEEKDAYS_MESSAGE })
  @ArrayMinSize(1, { message: WEEKDAYS_MESSAGE })
  @ArrayMaxSize(7, { message: WEEKDAYS_MESSAGE })
  @IsIn(WEEKDAYS, { each: true, message: WEEKDAYS_MESSAGE })
  weekdays: Weekday[];

  @IsString({ message: TIME_MESSAGE })
  @Matches(TIME, { message: TIME_MESSAGE })
  pickupTime: string;

  @IsBoolean({ message: '请选择是否坐轮椅' })
  wheelchair: boolean;

  @IsBoolean({ message: '请选择是否有陪护人' })
  companion: boolean;

  @Omittable()
  @Transform(trim)
  @IsString({ message: `备注最多 ${PATIENT_NOTE_MAX} 个字` })
  @MaxLength(PATIENT_NOTE_MAX, { message: `备注最多 ${PATIENT_NOTE_MAX} 个字` })
  note?: string;

  @Omittable()
  @IsBoolean({ message: '请选择是否启用' })
  active?: boolean;
}

/** POST /api/staff/care-transport/vehicles, PUT …/vehicles/:id */
export class SaveVehicleDto implements SaveVehicleRequest {
  @Transform(trim)
  @IsString({ message: `车辆名称要 1 到 ${VEHICLE_NAME_MAX} 个字` })
  @Length(1, VEHICLE_NAME_MAX, { message: `车辆名称要 1 到 ${VEHICLE_NAME_MAX} 个字` })
  name: string;

  @Transform(trim)
  @IsString({ message: '请填写车牌号，例如 苏A12345' })
  @Length(5, 10, { message: '请填写车牌号，例如 苏A12345' })
  plate: string;

  @IsInt({ message: `座位数要 1 到 ${VEHICLE_SEATS_MAX}（不算司机）` })
  @Min(1, { message: `座位数要 1 到 ${VEHICLE_SEATS_MAX}（不算司机）` })
  @Max(VEHICLE_SEATS_MAX, { message: `座位数要 1 到 ${VEHICLE_SEATS_MAX}（不算司机）` })
  seats: number;

  @IsInt({ message: '轮椅位要 0 到 6 个' })
  @Min(0, { message: '轮椅位要 0 到 6 个' })
  @Max(6, { message: '轮椅位要 0 到 6 个' })
  wheelchairPlaces: number;

  @IsId('请选择司机（本社区的志愿者）')
  driverId: number;

  @Omittable()
  @IsBoolean({ message: '请选择是否启用' })
  active?: boolean;
}

/** POST /api/staff/care-transport/trips */
export class CreateTripDto implements CreateTripRequest {
  @IsString({ message: '日期不对，格式如 2025-05-12' })
  @Matches(DATE, { message: '日期不对，格式如 2025-05-12' })
  date: string;

  @IsId('请选择车辆')
  vehicleId: number;

  @IsString({ message: TIME_MESSAGE })
  @Matches(TIME, { message: TIME_MESSAGE })
  departTime: string;

  @Transform(trim)
  @IsString({ message: HOSPITAL })
  @Length(2, HOSPITAL_MAX, { message: HOSPITAL })
  hospital: string;

  @IsArray({ message: PATIENTS })
  @ArrayMaxSize(VEHICLE_SEATS_MAX, { message: PATIENTS })
  @IsId(PATIENTS, { each: true })
  patientIds: number[];
}

/** POST /api/staff/care-transport/trips/:id/riders */
export class MoveRiderDto implements MoveRiderRequest {
  @IsId('请选择病人')
  patientId: number;
}

/** POST /api/driver/trips/:id/progress */
export class TripProgressDto implements TripProgressRequest {
  @IsIn(TRIP_STATES, { message: '请选择「已接上」「已到医院」或「已送回家」' })
  to: TripState;
}

const NOTE = `备注最多 ${TRIP_NOTE_MAX} 个字`;

/** PUT /api/staff/care-transport/trips/:id */
export class UpdateTripDto implements UpdateTripRequest {
  @Omittable()
  @IsId('请选择车辆')
  vehicleId?: number;

  @Omittable()
  @IsId('请选择司机')
  driverId?: number;
}

/** POST /api/staff/care-transport/trips/:id/return */
export class StaffReturnDto implements StaffReturnRequest {
  @Omittable()
  @Transform(trim)
  @IsString({ message: NOTE })
  @MaxLength(TRIP_NOTE_MAX, { message: NOTE })
  note?: string;
}

/** POST /api/staff/care-transport/trips/:id/riders/:patientId/skip */
export class SkipRiderDto implements SkipRiderRequest {
  @Omittable()
  @Transform(trim)
  @IsString({ message: NOTE })
  @MaxLength(TRIP_NOTE_MAX, { message: NOTE })
  note?: string;
}
