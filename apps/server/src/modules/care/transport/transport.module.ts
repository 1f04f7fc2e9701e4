import { Module } from '@nestjs/common';
import { MessagesModule } from '../../messages/messages.module';
import { TransportController } from './transport.controller';
import { TransportReminder } from './transport-reminder';
import { TransportService } from './transport.service';

/** Patient transport (issue 18): patients, vehicles, each day's trips, the drivers' steps, the evening-before reminder. */
@Module({
  imports: [MessagesModule],
  controllers: [TransportController],
  providers: [TransportService, TransportReminder],
})
export class TransportModule {}
