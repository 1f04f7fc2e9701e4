import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BuildDayResult, FamilyTrips, TransportDay, TransportPatient, TransportTrip, TransportVehicle } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import {
  CreateTripDto,
  MoveRiderDto,
  SavePatientDto,
  SaveVehicleDto,
  SkipRiderDto,
  StaffReturnDto,
  TripProgressDto,
  UpdateTripDto,
} from './dto/transport.dto';
import { TransportService } from './transport.service';

@ApiTags('care')
@ApiBearerAuth()
@Controller()
export class TransportController {
  constructor(private readonly transport: TransportService) {}

  /** Patients who need regular trips, active first. */
  @Get('staff/care-transport/patients')
  @Roles('staff', 'supervisor')
  patients(@CurrentActor() actor: Actor): Promise<TransportPatient[]> {
    return this.transport.patients(actor);
  }

  @Post('staff/care-transport/patients')
  @Roles('staff', 'supervisor')
  createPatient(@CurrentActor() actor: Actor, @Body() dto: SavePatientDto): Promise<TransportPatient> {
    return this.transport.savePatient(actor, null, dto);
  }

  @Put('staff/care-transport/patients/:id')
  @Roles('staff', 'supervisor')
  updatePatient(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SavePatientDto,
  ): Promise<TransportPatient> {
    return this.transport.savePatient(actor, id, dto);
  }

  /** Vehicles with their drivers. */
  @Get('staff/care-transport/vehicles')
  @Roles('staff', 'supervisor')
  vehicles(@CurrentActor() actor: Actor): Promise<TransportVehicle[]> {
    return this.transport.vehicles(actor);
  }

  /** A vehicle; its driver is a volunteer of the community with a phone number. */
  @Post('staff/care-transport/vehicles')
  @Roles('staff', 'supervisor')
  createVehicle(@CurrentActor() actor: Actor, @Body() dto: SaveVehicleDto): Promise<TransportVehicle> {
    return this.transport.saveVehicle(actor, null, dto);
  }

  @Put('staff/care-transport/vehicles/:id')
  @Roles('staff', 'supervisor')
  updateVehicle(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveVehicleDto,
  ): Promise<TransportVehicle> {
    return this.transport.saveVehicle(actor, id, dto);
  }

  /** The day's board: trips with riders and states, and the patients due without a trip. */
  @Get('staff/care-transport/days/:date')
  @Roles('staff', 'supervisor')
  day(@CurrentActor() actor: Actor, @Param('date') date: string): Promise<TransportDay> {
    return this.transport.day(actor, date);
  }

  /** Builds the day's trips; again, it adds only the patients not riding yet. */
  @Post('staff/care-transport/days/:date/build')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  build(@CurrentActor() actor: Actor, @Param('date') date: string): Promise<BuildDayResult> {
    return this.transport.build(actor, date);
  }

  /** A trip by hand (same conflict checks as a build). */
  @Post('staff/care-transport/trips')
  @Roles('staff', 'supervisor')
  createTrip(@CurrentActor() actor: Actor, @Body() dto: CreateTripDto): Promise<TransportDay> {
    return this.transport.createTrip(actor, dto);
  }

  /** Moves a patient into this planned trip (from another one of the day, or from none). */
  @Post('staff/care-transport/trips/:id/riders')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  moveRider(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: MoveRiderDto): Promise<TransportDay> {
    return this.transport.moveRider(actor, id, dto.patientId);
  }

  /** Takes a patient out of a planned trip. */
  @Delete('staff/care-transport/trips/:id/riders/:patientId')
  @Roles('staff', 'supervisor')
  removeRider(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('patientId', ParseIntPipe) patientId: number,
  ): Promise<TransportDay> {
    return this.transport.removeRider(actor, id, patientId);
  }

  /** Cancels a trip that has not left: its riders are unplanned, their families told. */
  @Post('staff/care-transport/trips/:id/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<TransportDay> {
    return this.transport.cancelTrip(actor, id);
  }

  /** Another vehicle or driver for a planned trip (same conflict rules as a build). */
  @Put('staff/care-transport/trips/:id')
  @Roles('staff', 'supervisor')
  updateTrip(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTripDto): Promise<TransportDay> {
    return this.transport.updateTrip(actor, id, dto);
  }

  /** This patient stays home that day: out of the trip, left out of rebuilds; the family is told. */
  @Post('staff/care-transport/trips/:id/riders/:patientId/skip')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  skipRider(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('patientId', ParseIntPipe) patientId: number,
    @Body() dto: SkipRiderDto,
  ): Promise<TransportDay> {
    return this.transport.skipRider(actor, id, patientId, dto.note ?? '');
  }

  /** Staff end a trip on the road when its driver cannot (「患者留院」): recorded as theirs; families told. */
  @Post('staff/care-transport/trips/:id/return')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  staffReturn(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: StaffReturnDto): Promise<TransportDay> {
    return this.transport.staffReturn(actor, id, dto.note ?? '');
  }

  /** The household's own patients' trips, today and the next days. */
  @Get('care/trips')
  familyTrips(@CurrentActor() actor: Actor): Promise<FamilyTrips> {
    return this.transport.familyTrips(actor);
  }

  /** My trips as a driver, today and the next days. */
  @Get('driver/trips')
  driverTrips(@CurrentActor() actor: Actor): Promise<TransportTrip[]> {
    return this.transport.driverTrips(actor);
  }

  /** 已接上 / 已到医院 / 已送回家: each step tells the riders' families. */
  @Post('driver/trips/:id/progress')
  @HttpCode(200)
  @Roles('volunteer')
  progress(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: TripProgressDto): Promise<TransportTrip> {
    return this.transport.progress(actor, id, dto.to);
  }
}
