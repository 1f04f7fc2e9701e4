import type { DevUserKey, HouseholdTag, Role } from '@linli/shared-types';
import type { DataSource, EntityManager } from 'typeorm';
import { Building } from '../modules/community/entities/building.entity';
import { Community } from '../modules/community/entities/community.entity';
import { Household } from '../modules/community/entities/household.entity';
import { RoleAssignment } from '../modules/community/entities/role-assignment.entity';
import { User } from '../modules/community/entities/user.entity';
import { joinTags } from '../modules/community/household-tags';
import { Pharmacist, Pharmacy, PharmacyDefault } from '../modules/pharmacy/entities/pharmacy.entity';

export const DEMO_COMMUNITY = '滨湖和园';
export const DEMO_PHARMACY = '老百姓大药房（滨湖店）';

export interface DemoUser {
  key: DevUserKey;
  nickname: string;
  roles: Role[];
  /** Door of the user's household, if the demo user lives in the community. */
  door?: { building: string; unit: string; room: string };
  phone: string;
}

/** One demo user per role, picked by the dev login. */
export const DEMO_USERS: DemoUser[] = [
  { key: 'resident', nickname: '王秀兰', roles: ['resident'], door: { building: '1栋', unit: '1单元', room: '101' }, phone: '13955110101' },
  {
    key: 'volunteer',
    nickname: '李志强',
    roles: ['resident', 'volunteer'],
    door: { building: '2栋', unit: '1单元', room: '302' },
    phone: '13955120302',
  },
  { key: 'pharmacist', nickname: '张敏（药房）', roles: ['pharmacist'], phone: '13955000001' },
  { key: 'staff', nickname: '陈晓燕（社区）', roles: ['staff'], phone: '13955000002' },
  { key: 'supervisor', nickname: '刘建国（督导）', roles: ['supervisor', 'staff'], phone: '13955000003' },
];

/** A small deterministic generator, so every fresh demo database is the same. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = [
  '秀英',
  '桂兰',
  '建国',
  '志强',
  '丽娟',
  '海燕',
  '国庆',
  '玉兰',
  '明',
  '伟',
  '芳',
  '静',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
];

/** Rough shares of care tags in an older Chinese estate (per household). */
const TAG_RATES: [HouseholdTag, number][] = [
  ['elderly-alone', 0.06],
  ['empty-nest', 0.08],
  ['hardship', 0.03],
  ['dialysis', 0.01],
  ['chemo', 0.01],
  ['disabled', 0.02],
];

export interface SeedOptions {
  /** Households to create (the demo has a few hundred; the ordering benchmark 22,000). */
  households?: number;
}

/** Buildings × units × floors × 2 rooms, enough for the requested household count. */
export function demoLayout(households: number): { buildings: number; units: number; floors: number } {
  const units = 2;
  const floors = households > 1000 ? 18 : 6;
  const perBuilding = units * floors * 2;
  return { buildings: Math.max(1, Math.ceil(households / perBuilding)), units, floors };
}

/**
 * Creates the demo community 滨湖和园 with its buildings, households with realistic tags and
 * one demo user per role. Does nothing when a community already exists.
 */
export async function seedDemo(db: DataSource, options: SeedOptions = {}): Promise<boolean> {
  if ((await db.getRepository(Community).count()) > 0) return false;
  const wanted = options.households ?? 288;
  await db.transaction(async (tx) => {
    const now = new Date();
    const community = await tx.save(Community, tx.create(Community, { name: DEMO_COMMUNITY, createdAt: now }));
    const layout = demoLayout(wanted);
    const unitNames = Array.from({ length: layout.units }, (_, i) => `${i + 1}单元`);
    const buildings: Building[] = [];
    for (let b = 1; b <= layout.buildings; b++) {
      const zone = `${String.fromCharCode(64 + Math.ceil((b * 3) / layout.buildings))}区`;
      buildings.push(tx.create(Building, { communityId: community.id, name: `${b}栋`, units: unitNames.join(','), zone, sortOrder: b }));
    }
    await tx.save(Building, buildings, { chunk: 200 });
    await insertHouseholds(tx, community.id, buildings, unitNames, layout.floors, wanted, now);
    await insertDemoUsers(tx, community.id, buildings, now);
    await insertDemoPharmacy(tx, community.id, now);
  });
  return true;
}

async function insertHouseholds(
  tx: EntityManager,
  communityId: number,
  buildings: Building[],
  unitNames: string[],
  floors: number,
  wanted: number,
  now: Date,
): Promise<void> {
  const random = mulberry32(20220423);
  const rows: Partial<Household>[] = [];
  outer: for (const building of buildings) {
    for (const unit of unitNames) {
      for (let floor = 1; floor <= floors; floor++) {
        for (let door = 1; door <= 2; door++) {
          if (rows.length >= wanted) break outer;
          const tags = TAG_RATES.filter(([, rate]) => random() < rate).map(([tag]) => tag);
          const alone = tags.includes('elderly-alone');
          const surname = SURNAMES[Math.floor(random() * SURNAMES.length)] ?? '王';
          const given = GIVEN[Math.floor(random() * GIVEN.length)] ?? '明';
          rows.push({
            communityId,
            buildingId: building.id,
            unit,
            room: `${floor}0${door}`,
            headcount: alone ? 1 : tags.includes('empty-nest') ? 2 : 1 + Math.floor(random() * 5),
            tags: joinTags(tags),
            zone: building.zone,
            contactName: surname + given,
            contactPhone: `13${5 + Math.floor(random() * 5)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
            createdAt: now,
            updatedAt: now,
          });
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(Household, rows.slice(i, i + 500));
}

/** The community's pharmacy (default for every zone), with the demo pharmacist working there. */
async function insertDemoPharmacy(tx: EntityManager, communityId: number, now: Date): Promise<void> {
  const pharmacy = await tx.save(
    Pharmacy,
    tx.create(Pharmacy, {
      communityId,
      name: DEMO_PHARMACY,
      address: '滨湖和园南门东侧 50 米',
      hours: '每天 8:00–21:00',
      phone: '0551-65550120',
      paymentMode: 'cod',
      createdAt: now,
    }),
  );
  await tx.insert(PharmacyDefault, { communityId, zone: '', pharmacyId: pharmacy.id });
  const pharmacist = await tx.findOneByOrFail(User, { devKey: 'pharmacist' });
  await tx.insert(Pharmacist, { userId: pharmacist.id, pharmacyId: pharmacy.id, communityId, createdAt: now });
}

async function insertDemoUsers(tx: EntityManager, communityId: number, buildings: Building[], now: Date): Promise<void> {
  const users = new Map<DevUserKey, number>();
  for (const demo of DEMO_USERS) {
    let householdId: number | null = null;
    if (demo.door) {
      const building = buildings.find((b) => b.name === demo.door?.building);
      const household = building
        ? await tx.findOneBy(Household, { communityId, buildingId: building.id, unit: demo.door.unit, room: demo.door.room })
        : null;
      householdId = household?.id ?? null;
    }
    const user = await tx.save(
      User,
      tx.create(User, { devKey: demo.key, nickname: demo.nickname, phone: demo.phone, householdId, openid: null, createdAt: now }),
    );
    await tx.insert(
      RoleAssignment,
      demo.roles.map((role) => ({ userId: user.id, communityId, role })),
    );
    users.set(demo.key, user.id);
  }
  // 1栋's help team (what PUT /api/staff/help/teams writes): 陈晓燕 its cadre, 李志强 its volunteer,
  // so the demo volunteer answers the demo resident's help requests. The living demo fills the rest.
  const first = buildings.find((b) => b.name === '1栋');
  // Raw parameters as TypeORM stores dates: UTC text on SQLite.
  const at = tx.connection.options.type === 'mysql' ? now : now.toISOString().replace('T', ' ').replace('Z', '');
  if (first) {
    for (const [role, key] of [
      ['cadre', 'staff'],
      ['volunteer', 'volunteer'],
    ] as const) {
      const userId = users.get(key);
      if (userId === undefined) continue;
      await tx.query(
        'INSERT INTO help_team_members (community_id, scope_key, building_id, household_id, team_role, user_id, assigned_by, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)',
        [communityId, `b:${first.id}`, first.id, role, userId, users.get('staff') ?? userId, at],
      );
    }
  }
}
