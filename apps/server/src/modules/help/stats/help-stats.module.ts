import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { HelpStatsController } from './help-stats.controller';
import { HelpStatsService } from './help-stats.service';

/** Supervisors' statistics of help requests (issue 17), read from the help tables; writes nothing. */
@Module({
  imports: [CommunityModule],
  controllers: [HelpStatsController],
  providers: [HelpStatsService],
})
export class HelpStatsModule {}
