import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ClassSignupsView, ClassView, StaffClassView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { ClassBoardService } from './class-board.service';
import { ClassProxyService } from './class-proxy.service';
import { ClassesService } from './classes.service';
import { ClassDto, ClassReplayDto, ClassSignupDto, ProxyClassSignupDto, UpdateClassDto } from './dto/classes.dto';

@ApiTags('classes')
@ApiBearerAuth()
@Controller()
export class ClassesController {
  constructor(
    private readonly board: ClassBoardService,
    private readonly classes: ClassesService,
    private readonly proxies: ClassProxyService,
  ) {}

  // ---- residents ------------------------------------------------------------------------------

  /** Classes for my building (or the whole community): upcoming soonest first, then past ones with replays. */
  @Get('classes')
  @Roles('resident')
  list(@CurrentActor() actor: Actor): Promise<ClassView[]> {
    return this.board.list(actor);
  }

  @Get('classes/:id')
  @Roles('resident')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ClassView> {
    return this.board.get(actor, id);
  }

  /** Sign my household up; a full class answers CLASS_FULL unless `waitlist` (then the waiting list). */
  @Post('classes/:id/signup')
  @HttpCode(200)
  @Roles('resident')
  signUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ClassSignupDto): Promise<ClassView> {
    return this.board.signUp(actor, id, dto.waitlist ?? false);
  }

  /** Give my household's place back; a seat goes to the first on the waiting list. */
  @Post('classes/:id/cancel')
  @HttpCode(200)
  @Roles('resident')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ClassView> {
    return this.board.cancel(actor, id);
  }

  // ---- whoever acts for a household: staff, its grid worker, its 家属 (ProxyAccess decides) ------

  /** The household's class list, as its members see it. */
  @Get('proxy/households/:householdId/classes')
  proxyList(@CurrentActor() actor: Actor, @Param('householdId', ParseIntPipe) householdId: number): Promise<ClassView[]> {
    return this.proxies.list(actor, householdId);
  }

  /** Sign the household up, recorded as by me and as whom; the household is told. */
  @Post('proxy/classes/:id/signups')
  @HttpCode(200)
  proxyFor(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ProxyClassSignupDto): Promise<ClassView> {
    return this.proxies.signUp(actor, id, dto.householdId, dto.waitlist ?? false);
  }

  /** Give the household's place back; the household is told. */
  @Post('proxy/classes/:id/signups/:householdId/cancel')
  @HttpCode(200)
  proxyCancelFor(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('householdId', ParseIntPipe) householdId: number,
  ): Promise<ClassView> {
    return this.proxies.cancel(actor, id, householdId);
  }

  // ---- staff ----------------------------------------------------------------------------------

  /** Schedule a class for the whole community or some buildings. */
  @Post('staff/classes')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: ClassDto): Promise<StaffClassView> {
    return this.classes.create(actor, dto);
  }

  @Get('staff/classes')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor): Promise<StaffClassView[]> {
    return this.classes.list(actor);
  }

  @Get('staff/classes/:id')
  @Roles('staff', 'supervisor')
  staffGet(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffClassView> {
    return this.classes.get(actor, id);
  }

  /** Change a class: only the fields sent. */
  @Patch('staff/classes/:id')
  @Roles('staff', 'supervisor')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateClassDto): Promise<StaffClassView> {
    return this.classes.update(actor, id, dto);
  }

  /** Cancel the class: signed and waiting households are told. */
  @Post('staff/classes/:id/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  cancelClass(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffClassView> {
    return this.classes.cancel(actor, id);
  }

  /** The replay link (after the start); the first time, signed households are told. */
  @Post('staff/classes/:id/replay')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  replay(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ClassReplayDto): Promise<StaffClassView> {
    return this.classes.replay(actor, id, dto.replayUrl);
  }

  /** Mark a class that has started as done. */
  @Post('staff/classes/:id/done')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  done(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffClassView> {
    return this.classes.done(actor, id);
  }

  /** Sign-ups per building and the list with doors. */
  @Get('staff/classes/:id/signups')
  @Roles('staff', 'supervisor')
  signups(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ClassSignupsView> {
    return this.classes.signups(actor, id);
  }

  /** Sign a household up for someone who called (recorded as by staff). */
  @Post('staff/classes/:id/signups')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  proxySignUp(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ProxyClassSignupDto,
  ): Promise<ClassSignupsView> {
    return this.classes.proxySignUp(actor, id, dto);
  }

  /** Give a household's place back for someone who called. */
  @Post('staff/classes/:id/signups/:householdId/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  proxyCancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('householdId', ParseIntPipe) householdId: number,
  ): Promise<ClassSignupsView> {
    return this.classes.proxyCancel(actor, id, householdId);
  }
}
