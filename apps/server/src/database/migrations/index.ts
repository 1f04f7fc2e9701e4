import { Foundation1745000000000 } from './1745000000000-foundation';
import { CatalogOrders1745100000000 } from './1745100000000-catalog-orders';
import { Payments1745200000000 } from './1745200000000-payments';
import { FairShare1745300000000 } from './1745300000000-fair-share';
import { Parcels1745400000000 } from './1745400000000-parcels';
import { DeliveryMore1745500000000 } from './1745500000000-delivery-more';
import { Pharmacy1745600000000 } from './1745600000000-pharmacy';
import { IdempotencySweep1745710000000 } from './1745710000000-idempotency-sweep';
import { WaysOut1745730000000 } from './1745730000000-ways-out';
import { CurrentCommunity1745770000000 } from './1745770000000-current-community';
import { FairShareRounds1745740000000 } from './1745740000000-fair-share-rounds';
import { Operator1745780000000 } from './1745780000000-operator';
import { RoleInvites1745790000000 } from './1745790000000-role-invites';
import { WindowEdit1745800000000 } from './1745800000000-window-edit';
import { Notices1745820000000 } from './1745820000000-notices';
import { Messages1745830000000 } from './1745830000000-messages';
import { Subscriptions1745840000000 } from './1745840000000-subscriptions';
import { NoticeAnnounced1745850000000 } from './1745850000000-notice-announced';
import { MessagePushKeys1746000000000 } from './1746000000000-message-push-keys';
import { Classes1746100000000 } from './1746100000000-classes';
import { Quizzes1746300000000 } from './1746300000000-quizzes';
import { Contests1746200000000 } from './1746200000000-contests';
import { ActivityPrizes1746400000000 } from './1746400000000-activity-prizes';
import { Help1746500000000 } from './1746500000000-help';
import { CareCampaigns1746600000000 } from './1746600000000-care-campaigns';
import { CareLedger1746900000000 } from './1746900000000-care-ledger';
import { FamilyBindings1747000000000 } from './1747000000000-family-bindings';
import { Rosters1747500000000 } from './1747500000000-rosters';
import { CareTransportWaysOut1747180000000 } from './1747180000000-care-transport-ways-out';
import { ProxyActs1747120000000 } from './1747120000000-proxy-acts';
import { Reassignment1747130000000 } from './1747130000000-reassignment';
import { SortingLine1747600000000 } from './1747600000000-sorting-line';
import { ProxyFlows1747100000000 } from './1747100000000-proxy-flows';
import { Preferences1746800000000 } from './1746800000000-preferences';
import { CareTransport1746700000000 } from './1746700000000-care-transport';

/** Every migration, in order. Run at boot on SQLite and MySQL alike. */
export const MIGRATIONS = [
  Foundation1745000000000,
  CatalogOrders1745100000000,
  Payments1745200000000,
  FairShare1745300000000,
  Parcels1745400000000,
  DeliveryMore1745500000000,
  Pharmacy1745600000000,
  IdempotencySweep1745710000000,
  WaysOut1745730000000,
  FairShareRounds1745740000000,
  CurrentCommunity1745770000000,
  Operator1745780000000,
  RoleInvites1745790000000,
  WindowEdit1745800000000,
  Notices1745820000000,
  Messages1745830000000,
  Subscriptions1745840000000,
  NoticeAnnounced1745850000000,
  MessagePushKeys1746000000000,
  Classes1746100000000,
  Contests1746200000000,
  Quizzes1746300000000,
  ActivityPrizes1746400000000,
  Help1746500000000,
  CareCampaigns1746600000000,
  CareTransport1746700000000,
  Preferences1746800000000,
  CareLedger1746900000000,
  FamilyBindings1747000000000,
  ProxyFlows1747100000000,
  ProxyActs1747120000000,
  Reassignment1747130000000,
  CareTransportWaysOut1747180000000,
  Rosters1747500000000,
  SortingLine1747600000000,
];
