import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MessagesPage, MessageView, ReadAllResponse, UnreadCount } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { MessagesQueryDto } from './dto/messages.dto';
import { MessagesService } from './messages.service';

/** My messages: anyone logged in reads their own, in their current community. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  /** Mine, newest first, a page at a time. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: MessagesQueryDto): Promise<MessagesPage> {
    return this.messages.list(actor, query);
  }

  /** How many of mine are unread (the badge on 「我的」). */
  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return { unread: await this.messages.unread(actor) };
  }

  /** Marks all of mine read. */
  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentActor() actor: Actor): Promise<ReadAllResponse> {
    return { marked: await this.messages.readAll(actor) };
  }

  /** Marks one of mine read. */
  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MessageView> {
    return this.messages.read(actor, id);
  }
}
