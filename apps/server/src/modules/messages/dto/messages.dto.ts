import { PageQueryDto } from '../../../common/page-query.dto';

/** `?page=&pageSize=` of my messages. */
export class MessagesQueryDto extends PageQueryDto {}
