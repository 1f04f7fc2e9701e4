import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';

/** The outbox and its worker: side effects that leave after commit, with retries. */
@Module({ providers: [OutboxService, OutboxWorker], exports: [OutboxService] })
export class NotifyModule {}
