import { Module } from '@nestjs/common';
import { MessagesModule } from '../../messages/messages.module';
import { TransportController } from './transport.controller';
import { TransportService } from './transport.service';

/** Patient transport (issue 18): patients, vehicles, each day's trips, the drivers' steps. */
@Module({
  imports: [MessagesModule],
  controllers: [TransportController],
  providers: [TransportService],
})
export class TransportModule {}
