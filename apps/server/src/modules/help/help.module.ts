import { Module, type OnModuleInit } from '@nestjs/common';
import { hasRole } from '../../common/actor';
import { Db } from '../../common/database/db';
import { FilesModule } from '../files/files.module';
import { FilesService } from '../files/files.service';
import { MessagesModule } from '../messages/messages.module';
import { HelpAccess } from './help-access';
import { HelpEscalator } from './help-escalator';
import { HelpFlowService } from './help-flow.service';
import { HelpTeamsService } from './help-teams.service';
import { HelpViewsService } from './help-views.service';
import { HelpController } from './help.controller';
import { StaffHelpController } from './staff-help.controller';

/** Help requests (issue 17): teams of five, requests answered in time, escalation, counselling. */
@Module({
  imports: [MessagesModule, FilesModule],
  controllers: [HelpController, StaffHelpController],
  providers: [HelpAccess, HelpTeamsService, HelpViewsService, HelpFlowService, HelpEscalator],
  exports: [HelpAccess, HelpTeamsService, HelpFlowService, HelpEscalator],
})
export class HelpModule implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly db: Db,
    private readonly access: HelpAccess,
  ) {}

  /** A help picture: whoever may read the request (or thread line) it is in. */
  onModuleInit(): void {
    this.files.allow('help', async (actor, file) => {
      if (actor.communityId === null || !hasRole(actor, 'resident', 'volunteer', 'staff', 'supervisor', 'counsellor', 'pharmacist'))
        return false;
      const like = `%,${file.id},%`;
      const rows = await this.db.rows<{ id: number }>(
        `SELECT r.id FROM help_requests r WHERE r.community_id = ? AND ${this.db.concat("','", 'r.photo_ids', "','")} LIKE ?
         UNION SELECT e.request_id AS id FROM help_events e WHERE ${this.db.concat("','", 'e.photo_ids', "','")} LIKE ?`,
        [actor.communityId, like, like],
      );
      for (const { id } of rows) {
        const row = await this.access.load(Number(id));
        if (row && (await this.access.relation(actor, row)).readsThread) return true;
      }
      return false;
    });
  }
}
