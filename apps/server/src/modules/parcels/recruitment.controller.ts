import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SignupView, VolunteerPostView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { RejectSignupDto, SignupDto, VolunteerPostDto } from './dto/recruitment.dto';
import { RecruitmentService } from './recruitment.service';

@ApiTags('volunteers')
@ApiBearerAuth()
@Controller()
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  /** Open recruitment posts of my community, with my own sign-up on each. */
  @Get('volunteer-posts')
  posts(@CurrentActor() actor: Actor): Promise<VolunteerPostView[]> {
    return this.recruitment.openPosts(actor);
  }

  @Post('volunteer-posts/:id/signups')
  signUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SignupDto): Promise<VolunteerPostView> {
    return this.recruitment.signUp(actor, id, dto);
  }

  @Post('volunteer-posts/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<VolunteerPostView> {
    return this.recruitment.withdraw(actor, id);
  }

  @Post('staff/volunteer-posts')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: VolunteerPostDto): Promise<VolunteerPostView> {
    return this.recruitment.createPost(actor, dto);
  }

  @Get('staff/volunteer-posts')
  @Roles('staff', 'supervisor')
  staffPosts(@CurrentActor() actor: Actor): Promise<VolunteerPostView[]> {
    return this.recruitment.staffPosts(actor);
  }

  @Post('staff/volunteer-posts/:id/close')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  close(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<VolunteerPostView> {
    return this.recruitment.closePost(actor, id);
  }

  @Get('staff/volunteer-posts/:id/signups')
  @Roles('staff', 'supervisor')
  signups(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<SignupView[]> {
    return this.recruitment.signups(actor, id);
  }

  /** Approve: the person becomes a volunteer in the post's squad. */
  @Post('staff/volunteer-signups/:id/approve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<SignupView> {
    return this.recruitment.approve(actor, id);
  }

  @Post('staff/volunteer-signups/:id/reject')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectSignupDto): Promise<SignupView> {
    return this.recruitment.reject(actor, id, dto.reason);
  }
}
