/**
 * The ordering rush, measured (`npm run bench`, MariaDB).
 *
 * Seeds 22,000 households (SEED_HOUSEHOLDS), opens a window with stock for most of them but not
 * all, and lets every household order once through the real server as fast as 500 concurrent
 * connections can send. Then checks the books (accepted orders = stock taken, no household over
 * its limit, no duplicate) and runs the same work as bare SQL through mysql2 with the same pool
 * size (household limit, order and line, idempotent answer, stock), to report Linli's
 * throughput as a fraction of it.
 *
 * The server runs as BENCH_INSTANCES processes (default 1) on one database, the
 * load spread across them as a load balancer would: correctness must hold across instances.
 *
 * Env: BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306/test, only host and credentials are
 * used), BENCH_HOUSEHOLDS (22000), BENCH_STOCK (20000), BENCH_CONCURRENCY (500), BENCH_POOL (20).
 */
import { sign } from 'jsonwebtoken';
import { createPool, type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import type { ChildProcess } from 'node:child_process';
import {
  agent,
  call,
  CONCURRENCY,
  conn,
  cpuMeter,
  DB,
  freshDatabase,
  HOUSEHOLDS,
  INSTANCES,
  log,
  percentile,
  POOL,
  report,
  rush,
  sqlTransaction,
  SECRET,
  startServer,
  STOCK,
  waitForServer,
} from './support';

/** One resident per household, written straight to the database; tokens signed like the server's. */
async function residents(pool: Pool): Promise<{ householdId: number; token: string }[]> {
  const [households] = await pool.query<RowDataPacket[]>(
    'SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id',
  );
  const [[community]] = await pool.query<RowDataPacket[]>('SELECT id FROM communities ORDER BY id LIMIT 1');
  const now = new Date();
  for (let i = 0; i < households.length; i += 1000) {
    const chunk = households.slice(i, i + 1000);
    await pool.query('INSERT INTO users (nickname, household_id, created_at) VALUES ?', [
      chunk.map((h) => [`居民${String(h.id)}`, h.id, now]),
    ]);
  }
  const [users] = await pool.query<RowDataPacket[]>(
    "SELECT id, household_id FROM users WHERE nickname LIKE '居民%' AND dev_key IS NULL AND household_id IS NOT NULL",
  );
  for (let i = 0; i < users.length; i += 1000) {
    await pool.query('INSERT INTO role_assignments (user_id, community_id, role) VALUES ?', [
      users.slice(i, i + 1000).map((u) => [u.id, community?.id, 'resident']),
    ]);
  }
  return users.map((u) => ({
    householdId: Number(u.household_id),
    token: sign({ sub: Number(u.id) }, SECRET, { algorithm: 'HS256', expiresIn: 3600 }),
  }));
}

async function main(): Promise<void> {
  log(
    `${HOUSEHOLDS} households, stock ${STOCK}, ${CONCURRENCY} concurrent connections, ${INSTANCES} server instance(s) with a pool of ${POOL} each`,
  );
  await freshDatabase();
  const servers: ChildProcess[] = [];
  const stop = (): void => {
    for (const server of servers) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const seedStart = Date.now();
    // The first instance migrates and seeds; the others start on the finished schema.
    servers.push(startServer(0));
    await waitForServer(0);
    for (let i = 1; i < INSTANCES; i++) servers.push(startServer(i));
    for (let i = 1; i < INSTANCES; i++) await waitForServer(i);
    log(`${INSTANCES} server instance(s) up, migrated and seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    const pool = createPool({ ...conn, database: DB, connectionLimit: POOL });
    const people = await residents(pool);
    log(`${people.length} residents ready`);

    const staffLogin = await call('POST', '/api/auth/dev', null, { user: 'staff' });
    const staff = (staffLogin.body as { token: string }).token;
    const supplier = (await call('POST', '/api/staff/suppliers', staff, { name: '合家福超市' })).body as { id: number };
    const item = (
      await call('POST', '/api/staff/items', staff, {
        kind: 'package',
        name: '米面油套餐',
        contents: [{ name: '大米', quantity: '10斤' }],
        priceFen: 8800,
        limitPerHousehold: 1,
        supplierId: supplier.id,
      })
    ).body as { id: number };
    const now = Date.now();
    const window = (
      await call('POST', '/api/staff/windows', staff, {
        title: '压力测试批次',
        mode: 'fcfs',
        paymentMode: 'cod',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        deliveryDate: '2022-04-26',
        items: [{ itemId: item.id, stock: STOCK }],
      })
    ).body as { id: number };

    if (process.env.BENCH_GENERAL_LOG) await pool.query('SET GLOBAL general_log = 1');
    let turn = 0;
    const linliCpu = cpuMeter(servers);
    const linli = await rush(people, async (p) => {
      const instance = turn++ % INSTANCES;
      const res = await call('POST', '/api/orders', p.token, { windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] }, instance);
      return res.status === 201 ? '201' : `${res.status} ${(res.body as { code?: string }).code ?? ''}`;
    });
    if (process.env.BENCH_GENERAL_LOG) await pool.query('SET GLOBAL general_log = 0');
    const accepted = linli.outcomes.get('201') ?? 0;
    const linliRate = report('linli', linli, accepted);
    linliCpu('linli, per accepted order', accepted);

    const [[books]] = await pool.query<RowDataPacket[]>(
      `SELECT (SELECT COUNT(*) FROM orders WHERE window_id = ?) AS orders,
              (SELECT stock FROM window_items WHERE window_id = ?) AS stock,
              (SELECT sold FROM window_items WHERE window_id = ?) AS sold,
              (SELECT COUNT(*) FROM (SELECT household_id FROM orders WHERE window_id = ? GROUP BY household_id HAVING COUNT(*) > 1) d) AS duplicates,
              (SELECT COUNT(*) FROM household_purchases WHERE quantity > 1) AS overLimit,
              (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.window_id = ?) AS units`,
      [window.id, window.id, window.id, window.id, window.id],
    );
    const ok =
      Number(books?.orders) === accepted &&
      Number(books?.units) === STOCK - Number(books?.stock) &&
      Number(books?.sold) === Number(books?.units) &&
      Number(books?.stock) >= 0 &&
      Number(books?.duplicates) === 0 &&
      Number(books?.overLimit) === 0;
    log(
      `books: orders ${books?.orders}, accepted ${accepted}, units ${books?.units}, stock left ${books?.stock}, duplicates ${books?.duplicates}, households over limit ${books?.overLimit} → ${ok ? 'CONSISTENT' : 'INCONSISTENT'}`,
    );

    // The staff's view of the window right after the rush (its figures over 20,000 orders).
    const statsStart = process.hrtime.bigint();
    const stats = await call('GET', `/api/staff/windows/${window.id}/stats`, staff);
    log(`staff window stats after the rush: HTTP ${stats.status} in ${(Number(process.hrtime.bigint() - statsStart) / 1e6).toFixed(0)} ms`);

    // The same rush as bare SQL, keeping the twin honest: the work a correct order needs and
    // nothing less, in one transaction, through mysql2 with the same pool size — the household's
    // limit (one upsert that adds only within the limit), the order and its line, the stored
    // idempotent answer (unique per user and key), and the stock taken last by a conditional
    // UPDATE (the row every household wants, held from there to the commit).
    await pool.query('CREATE TABLE bench_stock (id INT PRIMARY KEY, stock INT NOT NULL, sold INT NOT NULL)');
    await pool.query(
      'CREATE TABLE bench_purchases (id INT AUTO_INCREMENT PRIMARY KEY, item_id INT NOT NULL, household_id INT NOT NULL, quantity INT NOT NULL, UNIQUE KEY (item_id, household_id))',
    );
    await pool.query(
      'CREATE TABLE bench_orders (id INT AUTO_INCREMENT PRIMARY KEY, household_id INT NOT NULL, state VARCHAR(20) NOT NULL, total_fen INT NOT NULL, created_at DATETIME(3) NOT NULL, KEY (household_id))',
    );
    await pool.query(
      'CREATE TABLE bench_order_lines (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL, item_id INT NOT NULL, name VARCHAR(60) NOT NULL, quantity INT NOT NULL, unit_price_fen INT NOT NULL, KEY (order_id))',
    );
    await pool.query(
      'CREATE TABLE bench_idempotency (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, idem_key VARCHAR(64) NOT NULL, status_code INT NOT NULL, body TEXT, created_at DATETIME(3) NOT NULL, UNIQUE KEY (user_id, idem_key))',
    );
    await pool.query('INSERT INTO bench_stock VALUES (1, ?, 0)', [STOCK]);
    const bareCpu = cpuMeter([]);
    const bare = await rush(people, (p) =>
      sqlTransaction(pool, async (c) => {
        const [held] = await c.query<ResultSetHeader>(
          `INSERT INTO bench_purchases (item_id, household_id, quantity) SELECT 1, ?, 1 FROM DUAL WHERE 1 <= 1
           ON DUPLICATE KEY UPDATE quantity = IF(quantity + VALUES(quantity) <= 1, quantity + VALUES(quantity), quantity)`,
          [p.householdId],
        );
        if (!(held.affectedRows === 2 || (held.affectedRows === 1 && held.insertId > 0))) return 'HOUSEHOLD_LIMIT';
        const [order] = await c.query<ResultSetHeader>(
          "INSERT INTO bench_orders (household_id, state, total_fen, created_at) VALUES (?, 'CONFIRMED', 8800, NOW(3))",
          [p.householdId],
        );
        await c.query(
          "INSERT INTO bench_order_lines (order_id, item_id, name, quantity, unit_price_fen) VALUES (?, 1, '米面油套餐', 1, 8800)",
          [order.insertId],
        );
        await c.query('INSERT INTO bench_idempotency (user_id, idem_key, status_code, body, created_at) VALUES (?, ?, 201, ?, NOW(3))', [
          p.householdId,
          `bench-${p.householdId}`,
          JSON.stringify({ id: order.insertId, state: 'CONFIRMED', totalFen: 8800 }),
        ]);
        const [taken] = await c.query<ResultSetHeader>(
          'UPDATE bench_stock SET stock = stock - 1, sold = sold + 1 WHERE id = 1 AND stock >= 1',
        );
        return taken.affectedRows === 1 ? 'ok' : 'OUT_OF_STOCK';
      }),
    );
    const bareRate = report('bare SQL', bare, bare.outcomes.get('ok') ?? 0);
    bareCpu('bare SQL, per accepted order', bare.outcomes.get('ok') ?? 0);
    const [[twinBooks]] = await pool.query<RowDataPacket[]>(
      'SELECT (SELECT COUNT(*) FROM bench_orders) AS orders, (SELECT sold FROM bench_stock) AS sold, (SELECT COUNT(*) FROM bench_idempotency) AS answers',
    );
    log(
      `bare SQL books: orders ${twinBooks?.orders}, sold ${twinBooks?.sold}, stored answers ${twinBooks?.answers} → ${Number(twinBooks?.orders) === Number(twinBooks?.sold) && Number(twinBooks?.answers) === Number(twinBooks?.orders) ? 'CONSISTENT' : 'INCONSISTENT'}`,
    );
    const ratio = (linliRate / bareRate) * 100;
    const p99Ratio = percentile(linli.latencies, 99) / percentile(bare.latencies, 99);
    log(
      `linli reaches ${ratio.toFixed(0)}% of the bare-SQL throughput (goal 60%) → ${ratio >= 60 ? 'OK' : 'SHORT'}; p99 ${p99Ratio.toFixed(1)}× the twin's (goal ≤ 2×) → ${p99Ratio <= 2 ? 'OK' : 'SHORT'}`,
    );
    await pool.end();
    agent.destroy();
    if (!ok) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
