import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { AuditLog } from '../common/audit/audit-log.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { BindingCode } from '../modules/community/entities/binding-code.entity';
import { BindingRequest } from '../modules/community/entities/binding-request.entity';
import { Building } from '../modules/community/entities/building.entity';
import { Community } from '../modules/community/entities/community.entity';
import { Household } from '../modules/community/entities/household.entity';
import { RoleAssignment } from '../modules/community/entities/role-assignment.entity';
import { User } from '../modules/community/entities/user.entity';
import { HouseholdPurchase } from '../modules/catalog/entities/household-purchase.entity';
import { Item } from '../modules/catalog/entities/item.entity';
import { Supplier } from '../modules/catalog/entities/supplier.entity';
import { WindowBuildingCount } from '../modules/catalog/entities/window-building-count.entity';
import { WindowItem } from '../modules/catalog/entities/window-item.entity';
import { OrderingWindow } from '../modules/catalog/entities/window.entity';
import { OrderLine } from '../modules/orders/entities/order-line.entity';
import { Order } from '../modules/orders/entities/order.entity';
import { Payment } from '../modules/payments/entities/payment.entity';
import { Registration } from '../modules/orders/entities/registration.entity';
import { ParcelEvent } from '../modules/parcels/entities/parcel-event.entity';
import { ParcelMiss } from '../modules/parcels/entities/parcel-miss.entity';
import { ParcelRating } from '../modules/parcels/entities/parcel-rating.entity';
import { ParcelSource } from '../modules/parcels/entities/parcel-source.entity';
import { Parcel } from '../modules/parcels/entities/parcel.entity';
import { VolunteerProfile } from '../modules/parcels/entities/volunteer-profile.entity';
import { VolunteerShift } from '../modules/parcels/entities/volunteer-shift.entity';
import { MIGRATIONS } from './migrations';
import { RosterPost, RosterShift, RosterSignup } from '../modules/rosters/entities/roster.entity';
import { Notice, NoticePictureRow, NoticeRead } from '../modules/notices/entities/notice.entity';
import { Quiz, QuizAnswer, QuizAttempt, QuizQuestion } from '../modules/activities/quizzes/entities/quiz.entity';
import {
  Contest,
  ContestContentCheck,
  ContestEntry,
  ContestEntryPicture,
  ContestScore,
  ContestVote,
  ContestVoteDay,
} from '../modules/activities/contests/entities/contest.entity';
import { SignInCode } from '../modules/auth/entities/sign-in-code.entity';
import { ActivityClass, ClassSignup } from '../modules/activities/classes/entities/class.entity';
import { RoleInvite } from '../modules/people/entities/role-invite.entity';
import { StoredFile } from '../modules/files/entities/stored-file.entity';
import { VolunteerPost } from '../modules/parcels/entities/volunteer-post.entity';
import { VolunteerSignup } from '../modules/parcels/entities/volunteer-signup.entity';
import { OutboxRow } from '../modules/notify/entities/outbox-row.entity';
import { Message } from '../modules/messages/entities/message.entity';
import { SubscriptionAllowance } from '../modules/subscriptions/entities/subscription-allowance.entity';
import { SubscriptionSpend } from '../modules/subscriptions/entities/subscription-spend.entity';
import { WechatToken } from '../wechat/wechat-token.entity';
import { MedicineItem, MedicinePhoto, MedicineRequest } from '../modules/pharmacy/entities/medicine-request.entity';
import { Pharmacist, PharmacistInvite, Pharmacy, PharmacyDefault } from '../modules/pharmacy/entities/pharmacy.entity';

export const ENTITIES = [
  Community,
  Building,
  Household,
  User,
  RoleAssignment,
  RoleInvite,
  BindingRequest,
  BindingCode,
  AuditLog,
  IdempotencyRecord,
  Supplier,
  Item,
  OrderingWindow,
  WindowItem,
  HouseholdPurchase,
  Order,
  OrderLine,
  Payment,
  Registration,
  WindowBuildingCount,
  Parcel,
  ParcelSource,
  ParcelEvent,
  VolunteerProfile,
  ParcelRating,
  ParcelMiss,
  VolunteerShift,
  StoredFile,
  VolunteerPost,
  VolunteerSignup,
  OutboxRow,
  Message,
  WechatToken,
  Pharmacy,
  PharmacyDefault,
  Pharmacist,
  PharmacistInvite,
  MedicineRequest,
  MedicineItem,
  MedicinePhoto,
  SignInCode,
  Notice,
  NoticePictureRow,
  NoticeRead,
  QuizQuestion,
  Quiz,
  QuizAttempt,
  QuizAnswer,
  Contest,
  ContestEntry,
  ContestEntryPicture,
  ContestContentCheck,
  ContestVote,
  ContestVoteDay,
  ContestScore,
  SubscriptionAllowance,
  SubscriptionSpend,
  ActivityClass,
  ClassSignup,
  RosterPost,
  RosterShift,
  RosterSignup,
];

/** TypeORM options for either database; the schema always comes from the migrations. */
export function dataSourceOptions(db: DatabaseConfig, poolSize = 20): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, synchronize: false } as const;
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      connectorPackage: 'mysql2',
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize,
      extra: { connectionLimit: poolSize, waitForConnections: true },
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    // WAL lets readers run while a writer commits; the busy timeout makes concurrent writers wait.
    prepareDatabase: (conn: { pragma(sql: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('busy_timeout = 5000');
      conn.pragma('foreign_keys = ON');
    },
  };
}
