import type { ContentLine, ItemKind, MedicineItemRequest, PaymentMode, Urgency, WindowMode } from '@linli/shared-types';
import type { TeamRole } from '@linli/shared-types';
import { HelpFlowService } from '../modules/help/help-flow.service';
import { HelpTeamsService } from '../modules/help/help-teams.service';
import { InvitesService } from '../modules/people/invites.service';
import type { ModuleRef } from '@nestjs/core';
import { In, IsNull, MoreThan, Not } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { Db } from '../common/database/db';
import { QrTokens } from '../common/qr-token';
import { Item } from '../modules/catalog/entities/item.entity';
import { OrderingWindow } from '../modules/catalog/entities/window.entity';
import { CatalogService } from '../modules/catalog/catalog.service';
import { SuppliersService } from '../modules/catalog/suppliers.service';
import { Building } from '../modules/community/entities/building.entity';
import { Community } from '../modules/community/entities/community.entity';
import { Household } from '../modules/community/entities/household.entity';
import { RoleAssignment } from '../modules/community/entities/role-assignment.entity';
import { User } from '../modules/community/entities/user.entity';
import { UsersService } from '../modules/community/users.service';
import { Order } from '../modules/orders/entities/order.entity';
import { FairShareService } from '../modules/orders/fair-share.service';
import { OrdersService } from '../modules/orders/orders.service';
import { ParcelBoardService } from '../modules/parcels/parcel-board.service';
import { Parcel } from '../modules/parcels/entities/parcel.entity';
import { ParcelsService } from '../modules/parcels/parcels.service';
import { VolunteersService } from '../modules/parcels/volunteers.service';
import { MedicineService } from '../modules/pharmacy/medicine.service';
import { ClassBoardService } from '../modules/activities/classes/class-board.service';
import { ClassesService } from '../modules/activities/classes/classes.service';
import { ContestsService } from '../modules/activities/contests/contests.service';
import { QuestionBankService } from '../modules/activities/quizzes/question-bank.service';
import { QuizAttemptsService } from '../modules/activities/quizzes/quiz-attempts.service';
import { QuizzesService } from '../modules/activities/quizzes/quizzes.service';
import { shanghaiDay } from '../common/shanghai-days';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 'YYYY-MM-DD' in Asia/Shanghai, where the community lives. */

/** 4月23日: a window's title names its delivery day, so the demo reads as this week's. */
function dayLabel(ms: number): string {
  const d = new Date(ms + 8 * HOUR);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Two more volunteers on duty beside the demo volunteer 李志强, with the buildings they cover. */
const VOLUNTEERS = [
  { nickname: '赵国强', phone: '13955130201', door: { building: '3栋', unit: '1单元', room: '201' }, covers: ['3栋', '4栋'] },
  { nickname: '孙丽', phone: '13955150402', door: { building: '5栋', unit: '2单元', room: '402' }, covers: ['5栋', '6栋'] },
];

/** What the community buys this week. */
const CATALOG: { supplier: string; contact: string; phone: string; items: ItemSeed[] }[] = [
  {
    supplier: '周谷堆农产品批发市场',
    contact: '何师傅',
    phone: '13866001234',
    items: [
      {
        key: 'veg',
        kind: 'package',
        name: '蔬菜套餐（约 8 斤）',
        contents: [
          { name: '土豆', quantity: '2斤' },
          { name: '青菜', quantity: '2斤' },
          { name: '西红柿', quantity: '2斤' },
          { name: '胡萝卜', quantity: '1斤' },
          { name: '洋葱', quantity: '1斤' },
        ],
        priceFen: 3900,
        limit: 1,
      },
      { key: 'eggs', kind: 'essential', name: '鲜鸡蛋', contents: [{ name: '鸡蛋', quantity: '30枚' }], priceFen: 2600, limit: 1 },
    ],
  },
  {
    supplier: '联华超市（滨湖店）',
    contact: '周店长',
    phone: '0551-65551188',
    items: [
      { key: 'milk', kind: 'essential', name: '纯牛奶', contents: [{ name: '纯牛奶 250ml', quantity: '12盒' }], priceFen: 4800, limit: 2 },
      { key: 'rice', kind: 'essential', name: '东北大米', contents: [{ name: '大米', quantity: '5kg' }], priceFen: 3500, limit: 1 },
    ],
  },
];

interface ItemSeed {
  key: 'veg' | 'eggs' | 'milk' | 'rice';
  kind: ItemKind;
  name: string;
  contents: ContentLine[];
  priceFen: number;
  limit: number;
}

type ItemKey = ItemSeed['key'];

/**
 * The living demo: the demo community in the middle of a lockdown, made on its first start
 * through the real services — so states, events, stock, limits and the audit log are what the
 * app itself would have written — at times relative to now:
 *
 * - a window delivered yesterday (the demo resident's order delivered and paid
 *   at the door);
 * - yesterday's window, packed: parcels dispatched to three volunteers on duty, some delivered
 *   (cash collected), one failed (nobody answered), the demo resident's on its way with 李志强
 *   (the demo volunteer), his others waiting to be accepted; and orders cancelled by residents;
 * - today's first-come window, open, its stock partly taken by neighbours' pay-on-delivery orders
 *   (the demo resident has not ordered yet: she can);
 * - a fair-share window taking registrations until tomorrow;
 * - medicine: neighbours' requests waiting for the pharmacy's quote, and the demo resident's
 *   request quoted, waiting for her answer.
 *
 * Neighbours who order get an account of their own (a resident of their household), as if they
 * had bound from their phone. Unpaid WeChat Pay orders (and so EXPIRED ones) need merchant
 * settings, which the demo has not: its windows are paid on delivery.
 */
export class LivingDemo {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly qr: QrTokens;
  private readonly users: UsersService;
  private readonly catalog: CatalogService;
  private readonly suppliers: SuppliersService;
  private readonly orders: OrdersService;
  private readonly fairShare: FairShareService;
  private readonly parcels: ParcelsService;
  private readonly board: ParcelBoardService;
  private readonly volunteers: VolunteersService;
  private readonly medicine: MedicineService;
  private readonly classes: ClassesService;
  private readonly classBoard: ClassBoardService;
  private readonly contests: ContestsService;
  private readonly questions: QuestionBankService;
  private readonly quizzes: QuizzesService;
  private readonly attempts: QuizAttemptsService;
  private readonly help: HelpFlowService;
  private readonly helpTeams: HelpTeamsService;
  private readonly invites: InvitesService;

  private communityId = 0;
  private buildings = new Map<string, number>();
  private items = new Map<ItemKey, number>();
  private staff!: Actor;

  constructor(modules: ModuleRef) {
    const get = <T>(type: abstract new (...args: never[]) => T): T => modules.get(type as never, { strict: false });
    this.db = get(Db);
    this.clock = get(Clock);
    this.qr = get(QrTokens);
    this.users = get(UsersService);
    this.catalog = get(CatalogService);
    this.suppliers = get(SuppliersService);
    this.orders = get(OrdersService);
    this.fairShare = get(FairShareService);
    this.parcels = get(ParcelsService);
    this.board = get(ParcelBoardService);
    this.volunteers = get(VolunteersService);
    this.medicine = get(MedicineService);
    this.classes = get(ClassesService);
    this.classBoard = get(ClassBoardService);
    this.contests = get(ContestsService);
    this.questions = get(QuestionBankService);
    this.quizzes = get(QuizzesService);
    this.attempts = get(QuizAttemptsService);
    this.help = get(HelpFlowService);
    this.helpTeams = get(HelpTeamsService);
    this.invites = get(InvitesService);
  }

  /** One command, one transaction, as a request would have it. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  private async actorOf(where: { devKey: string } | { id: number }): Promise<Actor> {
    const user = await this.db.repo(User).findOneByOrFail(where);
    const actor = await this.users.loadActor(user.id);
    if (!actor) throw new Error(`living demo: no actor for user ${user.id}`);
    return actor;
  }

  async create(): Promise<void> {
    const community = await this.db.repo(Community).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    this.communityId = community.id;
    for (const b of await this.db.repo(Building).findBy({ communityId: community.id })) this.buildings.set(b.name, b.id);
    this.staff = await this.actorOf({ devKey: 'staff' });
    const now = this.clock.now().getTime();

    await this.createCatalog();
    const resident = await this.actorOf({ devKey: 'resident' });
    const li = await this.actorOf({ devKey: 'volunteer' });
    const pharmacist = await this.actorOf({ devKey: 'pharmacist' });
    const crew = [li, ...(await this.createVolunteers())];
    await this.cover(li, ['1栋', '2栋']);
    for (const [i, v] of VOLUNTEERS.entries()) await this.cover(crew[i + 1] as Actor, v.covers);
    for (const v of crew) await this.run(() => this.volunteers.setDuty(v, true));
    const taken = new Set([resident.householdId, li.householdId, ...crew.map((v) => v.householdId)]);
    const near = await this.neighbours(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋'], 30, taken);
    const all = await this.neighbours([...this.buildings.keys()], 40, new Set([...taken, ...near.map((n) => n.householdId)]));

    // Ordered three days ago, delivered yesterday and paid at the door.
    const earlier = await this.window(
      `${dayLabel(now - DAY)}配送：蔬菜套餐 · 鸡蛋`,
      'fcfs',
      'cod',
      now,
      now + HOUR,
      shanghaiDay(now - DAY),
      {
        veg: 60,
        eggs: 60,
      },
    );
    await this.order(resident, earlier, { veg: 1, eggs: 1 });
    for (const n of near.slice(0, 8)) await this.order(n, earlier, { veg: 1 });
    await this.packAndDispatch(earlier);
    for (const v of crew) await this.deliverAll(v);
    await this.movedBack(earlier, now - 3 * DAY, now - 2.5 * DAY);

    // Yesterday: packed, on the volunteers' way today.
    const yesterday = await this.window(`${dayLabel(now)}配送：蔬菜套餐 · 鸡蛋 · 牛奶`, 'fcfs', 'cod', now, now + HOUR, shanghaiDay(now), {
      veg: 80,
      eggs: 60,
      milk: 60,
    });
    const changedHerMind = await this.order(resident, yesterday, { milk: 2 });
    await this.run(() => this.orders.cancel(resident, changedHerMind));
    await this.order(resident, yesterday, { veg: 1, eggs: 1 });
    await this.order(li, yesterday, { veg: 1, milk: 1 });
    for (const [i, n] of near.entries()) {
      const id = await this.order(n, yesterday, i % 3 === 0 ? { veg: 1, eggs: 1 } : i % 3 === 1 ? { veg: 1 } : { milk: 1, eggs: 1 });
      if (i === 5) await this.run(() => this.orders.cancel(n, id));
    }
    await this.packAndDispatch(yesterday);
    // 李志强 has the demo resident's parcel in hand; his other parcels wait for him to accept them.
    await this.onItsWay(li, resident.householdId as number);
    // The others deliver theirs, but for one door that did not open.
    await this.deliverAll(crew[1] as Actor, 1);
    await this.deliverAll(crew[2] as Actor);
    await this.movedBack(yesterday, now - 30 * HOUR, now - 20 * HOUR);

    await this.openWindows(now, li, [...near, ...all], [...all, ...near]);

    // Medicine: two neighbours wait for the pharmacy; the demo resident's request is quoted.
    const request = await this.ask(resident, 'normal', '本人', [
      { name: '板蓝根颗粒', spec: '10g×20袋', quantity: 2, brand: 'usual', prescription: false },
      { name: '维生素C片', spec: '0.1g×100片', quantity: 1, brand: 'any', prescription: false },
    ]);
    const [first, second] = (await this.run(() => this.medicine.pharmacyGet(pharmacist, request))).items;
    await this.run(() =>
      this.medicine.quote(pharmacist, request, {
        items: [
          { itemId: first?.id as number, status: 'substitute', substituteName: '小柴胡颗粒 10g×10袋', unitPriceFen: 1850 },
          { itemId: second?.id as number, status: 'in_stock', unitPriceFen: 1200 },
        ],
        note: '板蓝根暂时缺货，可换成小柴胡颗粒',
      }),
    );
    await this.ask(near[1] as Actor, 'today', '老伴', [
      { name: '布洛芬缓释胶囊', spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false },
      { name: '退热贴', spec: '6贴', quantity: 1, brand: 'any', prescription: false },
    ]);
    await this.ask(near[4] as Actor, 'normal', '母亲', [
      { name: '开塞露', spec: '20ml×2支', quantity: 2, brand: 'any', prescription: false },
    ]);

    await this.createActivities(now, resident, near);
    await this.createHelp(resident, li);
  }

  /**
   * Online activities: a yoga class tomorrow evening with the demo resident and neighbours
   * signed up, a health talk the day after, an open quiz some neighbours have taken, and a
   * photo contest taking entries.
   */
  private async createActivities(now: number, resident: Actor, near: Actor[]): Promise<void> {
    const midnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR; // today 00:00 in Shanghai
    const at = (ms: number): string => new Date(ms).toISOString();
    const yoga = await this.run(() =>
      this.classes.create(this.staff, {
        kind: 'yoga',
        title: '居家瑜伽入门',
        teacher: '社区卫生服务中心 李老师',
        description: '在客厅就能做的舒展动作，准备一块瑜伽垫或毛毯。',
        startsAt: at(midnight + DAY + 19 * HOUR),
        minutes: 45,
        capacity: 30,
        liveUrl: 'https://meeting.tencent.com/dm/linli-yoga',
      }),
    );
    for (const who of [resident, ...near.slice(0, 6)]) await this.run(() => this.classBoard.signUp(who, yoga.id, false));
    await this.run(() =>
      this.classes.create(this.staff, {
        kind: 'health',
        title: '封控期间的慢病用药',
        teacher: '社区医生 王医生',
        startsAt: at(midnight + 2 * DAY + 15 * HOUR),
        minutes: 60,
        liveUrl: 'https://meeting.tencent.com/dm/linli-health',
      }),
    );

    const bank: { text: string; options: string[]; correct: number[]; explanation: string; tags: string[] }[] = [
      {
        text: '正确佩戴口罩时，口罩的金属条应该在哪里？',
        options: ['鼻梁处', '下巴处', '随便'],
        correct: [0],
        explanation: '金属条压在鼻梁上，才能贴合面部。',
        tags: ['防疫知识'],
      },
      {
        text: '洗手至少要搓揉多长时间？',
        options: ['5秒', '20秒', '2分钟'],
        correct: [1],
        explanation: '七步洗手法，搓揉至少 20 秒。',
        tags: ['防疫知识'],
      },
      {
        text: '哪些是新冠的常见症状？（多选）',
        options: ['发热', '干咳', '乏力', '脱发'],
        correct: [0, 1, 2],
        explanation: '发热、干咳、乏力最常见。',
        tags: ['防疫知识'],
      },
      {
        text: '家里有人发烧，下列做法正确的是？',
        options: ['告诉网格员并居家隔离', '马上出门买药', '瞒着不说'],
        correct: [0],
        explanation: '先告诉网格员，由社区安排就医和买药。',
        tags: ['防疫知识'],
      },
      {
        text: '老人突然倒地没有反应，第一步应该？',
        options: ['拨打120并检查呼吸', '扶起来喂水', '等他自己醒'],
        correct: [0],
        explanation: '先呼救、拨打 120，再判断呼吸决定是否胸外按压。',
        tags: ['急救'],
      },
      {
        text: '封控在家心情烦躁时，可以怎么做？（多选）',
        options: ['和家人视频聊天', '规律作息', '拨打心理援助热线', '整夜不睡刷手机'],
        correct: [0, 1, 2],
        explanation: '保持联系、规律作息，需要时寻求专业帮助。',
        tags: ['心理'],
      },
    ];
    for (const q of bank) {
      await this.run(() => this.questions.create(this.staff, { kind: q.correct.length > 1 ? 'multiple' : 'single', ...q }));
    }
    const quiz = await this.run(() =>
      this.quizzes.create(this.staff, {
        title: '防疫知识竞答',
        intro: '每人两次机会，前三名送大米一袋。',
        questionCount: 5,
        timeLimitSeconds: 180,
        attemptsAllowed: 2,
        opensAt: at(now - DAY),
        closesAt: at(now + 5 * DAY),
      }),
    );
    for (const [i, who] of near.slice(0, 5).entries()) {
      const attempt = await this.run(() => this.attempts.start(who, quiz.id));
      // Each neighbour picks the first option but the i-th question: a leaderboard with spread scores.
      const answers = attempt.questions.map((_, position) => ({ position, chosen: [position === i ? 1 : 0] }));
      await this.run(() => this.attempts.submit(who, attempt.id, { answers }));
    }

    await this.run(() =>
      this.contests.create(this.staff, {
        kind: 'photo',
        title: '封控里的春天',
        rules: '拍下阳台、窗外或家里的春天，每户一件，配一句话。每人每天可投 3 票。',
        entryStartsAt: at(now - HOUR),
        entryEndsAt: at(midnight + 4 * DAY),
        voteStartsAt: at(now - HOUR),
        voteEndsAt: at(midnight + 6 * DAY),
        entriesPerHousehold: 1,
        votesPerDay: 3,
        mode: 'vote',
        autoApprove: false,
      }),
    );
  }

  /**
   * A later start of a living demo whose windows have all closed (days later): today's windows
   * again, relative to this start, ordered from and registered for by the neighbours. Does
   * nothing while a window of the community is still open, or on a community the living demo
   * did not make.
   */
  async freshen(): Promise<boolean> {
    const community = await this.db.repo(Community).findOne({ where: {}, order: { id: 'ASC' } });
    if (!community) return false;
    this.communityId = community.id;
    const now = this.clock.now();
    const open = await this.db
      .repo(OrderingWindow)
      .count({ where: { communityId: community.id, status: Not('CLOSED'), closesAt: MoreThan(now) } });
    if (open > 0) return false;
    const catalog = CATALOG.flatMap((s) => s.items);
    const items = await this.db.repo(Item).findBy({ communityId: community.id, name: In(catalog.map((i) => i.name)) });
    if (items.length !== catalog.length) return false;
    for (const i of catalog) this.items.set(i.key, (items.find((row) => row.name === i.name) as Item).id);
    this.staff = await this.actorOf({ devKey: 'staff' });
    const li = await this.actorOf({ devKey: 'volunteer' });
    const crew = new Set(VOLUNTEERS.map((v) => v.nickname));
    const neighbours = (
      await this.db.repo(User).find({ where: { devKey: IsNull(), householdId: Not(IsNull()) }, order: { id: 'ASC' } })
    ).filter((u) => !crew.has(u.nickname));
    const actors: Actor[] = [];
    for (const u of neighbours) actors.push(await this.actorOf({ id: u.id }));
    await this.openWindows(now.getTime(), li, actors, [...actors].reverse());
    return true;
  }

  /** Today's first-come window with neighbours' orders, and a fair-share window with registrations, both open now. */
  private async openWindows(now: number, li: Actor, buyers: Actor[], registering: Actor[]): Promise<void> {
    // Today: open, first come first served, stock partly taken.
    const today = await this.window(
      `${dayLabel(now + DAY)}配送：蔬菜套餐 · 鸡蛋 · 牛奶`,
      'fcfs',
      'cod',
      now - HOUR,
      now + 5 * HOUR,
      shanghaiDay(now + DAY),
      {
        veg: 150,
        eggs: 120,
        milk: 100,
      },
    );
    await this.order(li, today, { veg: 1 });
    for (const [i, n] of buyers.entries()) {
      if (i % 2 === 0) await this.order(n, today, i % 4 === 0 ? { veg: 1, eggs: 1 } : { veg: 1, milk: 2 });
    }

    // Fair share: rice, registrations until tomorrow morning, drawn after the close.
    const rice = await this.window(
      '公平分配：东北大米 5kg（每户 1 袋）',
      'fair',
      'cod',
      now - 2 * HOUR,
      now + 20 * HOUR,
      shanghaiDay(now + 2 * DAY),
      {
        rice: 150,
      },
    );
    for (const n of registering.slice(0, 24))
      await this.run(() => this.fairShare.register(n, rice, { lines: [{ itemId: this.item('rice'), quantity: 1 }] }));
  }

  private item(key: ItemKey): number {
    const id = this.items.get(key);
    if (id === undefined) throw new Error(`living demo: no item ${key}`);
    return id;
  }

  /**
   * Help requests: 1栋's team of five (four neighbours with phones, and 李志强 as its volunteer),
   * a counsellor who joined by an invite, and the demo resident's two requests: one answered and
   * taken by 李志强, one still waiting for the first response.
   */
  private async createHelp(resident: Actor, li: Actor): Promise<void> {
    const building = this.buildings.get('1栋');
    if (building === undefined) return;
    const free = await this.db.rows<{ id: number }>(
      `SELECT h.id FROM households h WHERE h.building_id = ? AND NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id DESC LIMIT 5`,
      [building],
    );
    const people: [TeamRole, string, string][] = [
      ['cadre', '钱卫东（街道干部）', '13955110901'],
      ['grid_worker', '冯晓梅（网格员）', '13955110902'],
      ['medic', '周医生（社区医院）', '13955110903'],
      ['police', '吴警官（社区民警）', '13955110904'],
    ];
    for (const [i, [role, nickname, phone]] of people.entries()) {
      const householdId = Number(free[i]?.id);
      if (!householdId) return;
      const userId = await this.newUser(nickname, phone, householdId, ['resident']);
      await this.run(() => this.helpTeams.set(this.staff, { buildingId: building, role, userId }));
    }
    await this.run(() => this.helpTeams.set(this.staff, { buildingId: building, role: 'volunteer', userId: li.userId }));
    const counsellorHome = Number(free[4]?.id);
    if (counsellorHome) {
      const id = await this.newUser('郑老师（心理咨询师）', '13955110905', counsellorHome, ['resident']);
      const supervisor = await this.actorOf({ devKey: 'supervisor' });
      const invite = await this.run(() => this.invites.create(supervisor, { role: 'counsellor', note: '郑老师' }));
      const counsellor = await this.actorOf({ id });
      await this.run(() => this.invites.redeem(counsellor, invite.code));
    }
    const answered = await this.run(() =>
      this.help.create(resident, { category: 'supplies', urgency: 'normal', text: '家里的米和油快吃完了，能帮忙买一些吗？' }),
    );
    await this.run(() => this.help.take(li, answered.id));
    await this.run(() => this.help.reply(li, answered.id, { text: '王阿姨，下午我去超市帮您买，买好送到门口' }));
    await this.run(() => this.help.create(resident, { category: 'medicine', urgency: 'normal', text: '降压药还剩两天的量，想请人帮忙买' }));
  }

  private async createCatalog(): Promise<void> {
    for (const s of CATALOG) {
      const supplier = await this.run(() =>
        this.suppliers.createSupplier(this.staff, { name: s.supplier, contactName: s.contact, contactPhone: s.phone }),
      );
      for (const i of s.items) {
        const item = await this.run(() =>
          this.suppliers.createItem(this.staff, {
            kind: i.kind,
            name: i.name,
            contents: i.contents,
            priceFen: i.priceFen,
            limitPerHousehold: i.limit,
            supplierId: supplier.id,
            pictureUrl: null,
          }),
        );
        this.items.set(i.key, item.id);
      }
    }
  }

  /** The two volunteers beyond the demo one: residents of their households who volunteer. */
  private async createVolunteers(): Promise<Actor[]> {
    const actors: Actor[] = [];
    for (const v of VOLUNTEERS) {
      const household = await this.db.repo(Household).findOneByOrFail({
        communityId: this.communityId,
        buildingId: this.buildings.get(v.door.building),
        unit: v.door.unit,
        room: v.door.room,
      });
      const id = await this.newUser(v.nickname, v.phone, household.id, ['resident', 'volunteer']);
      actors.push(await this.actorOf({ id }));
    }
    return actors;
  }

  private async newUser(nickname: string, phone: string | null, householdId: number, roles: ('resident' | 'volunteer')[]): Promise<number> {
    return this.run(async () => {
      const user = await this.db
        .repo(User)
        .save({ nickname, phone, householdId, openid: null, devKey: null, communityId: this.communityId, createdAt: this.clock.now() });
      await this.db.repo(RoleAssignment).insert(roles.map((role) => ({ userId: user.id, communityId: this.communityId, role })));
      return user.id;
    });
  }

  private async cover(volunteer: Actor, buildings: string[]): Promise<void> {
    const buildingIds = buildings.map((name) => this.buildings.get(name)).filter((id): id is number => id !== undefined);
    await this.run(() => this.volunteers.setCoverage(this.staff, volunteer.userId, { buildingIds, capacity: 30 }));
  }

  /**
   * `count` households of these buildings, spread over them, that have nobody signed up yet,
   * each given a resident account (the household's contact, as if they had bound from their phone).
   */
  private async neighbours(buildings: string[], count: number, skip: Set<number | null>): Promise<Actor[]> {
    const ids = buildings.map((b) => this.buildings.get(b)).filter((id): id is number => id !== undefined);
    const withUsers = (await this.db.repo(User).find({ select: ['householdId'] }))
      .map((u) => u.householdId)
      .filter((id): id is number => id !== null);
    const exclude = new Set([...withUsers, ...[...skip].filter((id): id is number => id !== null)]);
    const candidates = (
      await this.db.repo(Household).find({ where: { communityId: this.communityId, buildingId: In(ids) }, order: { id: 'ASC' } })
    ).filter((h) => !exclude.has(h.id));
    const step = Math.max(1, Math.floor(candidates.length / count));
    const chosen = candidates.filter((_, i) => i % step === 0).slice(0, count);
    const actors: Actor[] = [];
    for (const h of chosen)
      actors.push(await this.actorOf({ id: await this.newUser(h.contactName ?? '居民', h.contactPhone, h.id, ['resident']) }));
    return actors;
  }

  private async window(
    title: string,
    mode: WindowMode,
    paymentMode: PaymentMode,
    opensAt: number,
    closesAt: number,
    deliveryDate: string,
    stock: Partial<Record<ItemKey, number>>,
  ): Promise<number> {
    const view = await this.run(() =>
      this.catalog.createWindow(this.staff, {
        title,
        mode,
        paymentMode,
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        deliveryDate,
        items: Object.entries(stock).map(([key, n]) => ({ itemId: this.item(key as ItemKey), stock: n as number })),
      }),
    );
    return view.id;
  }

  private async order(who: Actor, windowId: number, lines: Partial<Record<ItemKey, number>>): Promise<number> {
    const view = await this.run(() =>
      this.orders.place(who, {
        windowId,
        lines: Object.entries(lines).map(([key, quantity]) => ({ itemId: this.item(key as ItemKey), quantity: quantity as number })),
      }),
    );
    return view.id;
  }

  private async packAndDispatch(windowId: number): Promise<void> {
    await this.run(() => this.orders.packWindow(this.staff, windowId));
    await this.run(() => this.board.dispatch(this.staff));
  }

  private async held(volunteer: Actor, states: Parcel['state'][]): Promise<Parcel[]> {
    return this.db.repo(Parcel).find({ where: { volunteerId: volunteer.userId, state: In(states) }, order: { id: 'ASC' } });
  }

  private labelOf(parcel: Parcel): string {
    return this.qr.sign('parcelLabel', parcel.id, new Date(this.clock.now().getTime() + HOUR));
  }

  /** The volunteer accepts, picks up (scans the label), takes the cash and scans the door code of each parcel; `failing` doors do not open. */
  private async deliverAll(volunteer: Actor, failing = 0): Promise<void> {
    const parcels = await this.held(volunteer, ['ASSIGNED']);
    for (const [i, parcel] of parcels.entries()) {
      await this.run(() => this.parcels.accept(volunteer, parcel.id));
      await this.run(() => this.parcels.pickUp(volunteer, this.labelOf(parcel)));
      if (i >= parcels.length - failing) {
        await this.run(() => this.parcels.fail(volunteer, parcel.id, 'no-answer'));
        continue;
      }
      if (parcel.cashDueFen > 0) await this.run(() => this.parcels.collect(volunteer, parcel.id));
      const door = this.qr.sign('parcelDoor', parcel.id, new Date(this.clock.now().getTime() + HOUR));
      await this.run(() => this.parcels.deliver(volunteer, parcel.id, door));
    }
  }

  /** The volunteer has accepted and picked up this household's parcel. */
  private async onItsWay(volunteer: Actor, householdId: number): Promise<void> {
    const parcel = (await this.held(volunteer, ['ASSIGNED'])).find((p) => p.householdId === householdId);
    if (!parcel) throw new Error('living demo: the demo resident’s parcel went to another volunteer');
    await this.run(() => this.parcels.accept(volunteer, parcel.id));
    await this.run(() => this.parcels.pickUp(volunteer, this.labelOf(parcel)));
  }

  /**
   * A past window: it was set up and ordered from now, through the services, and is then moved
   * back to the hours it had (only times change: stock, orders and parcels stay as they are).
   */
  private async movedBack(windowId: number, opensAt: number, closesAt: number): Promise<void> {
    await this.run(async () => {
      await this.db.repo(OrderingWindow).update({ id: windowId }, { opensAt: new Date(opensAt), closesAt: new Date(closesAt) });
      const placed = new Date(opensAt + (closesAt - opensAt) / 3);
      await this.db.repo(Order).update({ windowId }, { createdAt: placed });
    });
  }

  private async ask(who: Actor, urgency: Urgency, forWhom: string, items: MedicineItemRequest[]): Promise<number> {
    const view = await this.run(() => this.medicine.submit(who, { items, urgency, forWhom }, false));
    return view.id;
  }
}
