/**
 * What the benchmarks share: the MariaDB connection, a fresh bench database, the real server
 * started as child processes, a keep-alive HTTP client that retries with the same
 * Idempotency-Key, and a bounded-concurrency load loop with latency percentiles.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { createConnection, type Pool, type PoolConnection } from 'mysql2/promise';

export const BASE = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
export const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 22_000);
export const STOCK = Number(process.env.BENCH_STOCK ?? 20_000);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 500);
export const POOL = Number(process.env.BENCH_POOL ?? 20);
export const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
/** Own database and port per checkout (BENCH_DB, BENCH_PORT): benches of two worktrees on one machine never collide. */
export const DB = process.env.BENCH_DB ?? 'linli_bench';
export const PORT = Number(process.env.BENCH_PORT ?? 3917);
export const SECRET = 'bench-secret-bench-secret-bench';

export const conn = {
  host: BASE.hostname,
  port: Number(BASE.port || 3306),
  user: decodeURIComponent(BASE.username || 'root'),
  password: decodeURIComponent(BASE.password),
};

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/**
 * CPU a process has used so far, in ms (Linux /proc; 0 elsewhere): on a shared machine CPU per
 * request is steadier than latency, which waits for whatever else runs.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The local MariaDB server's pid, when it runs on this machine (else undefined: its CPU reads 0). */
export function databasePid(): number | undefined {
  try {
    const pid = Number(execFileSync('pgrep', ['-o', '-x', 'mariadbd|mysqld'], { encoding: 'utf8' }).trim().split('\n')[0]);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the CPU of a phase went, per unit of work: the server processes, the database and this
 * load generator (which shares the machine). Call before the phase; the result prints after it.
 */
export function cpuMeter(servers: ChildProcess[]): (name: string, units: number) => void {
  const db = databasePid();
  const server0 = servers.reduce((sum, s) => sum + cpuMs(s.pid), 0);
  const db0 = cpuMs(db);
  const self0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  return (name, units) => {
    const self = process.cpuUsage(self0);
    const server = servers.reduce((sum, s) => sum + cpuMs(s.pid), 0) - server0;
    const database = cpuMs(db) - db0;
    const client = (self.user + self.system) / 1000;
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const per = (ms: number): string => (ms / Math.max(1, units)).toFixed(2);
    log(
      `${name}: CPU per unit — server ${per(server)} ms, MariaDB ${per(database)} ms, load generator ${per(client)} ms; machine busy ${(((server + database + client) / wall) * 100).toFixed(0)}% of one core`,
    );
  };
}

export async function freshDatabase(): Promise<void> {
  const c = await createConnection(conn);
  await c.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await c.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
}

export function startServer(instance: number): ChildProcess {
  // BENCH_SERVER_DIST: another build of the server (a copy of dist/ from before a change) on the same load.
  const main = resolve(__dirname, '..', process.env.BENCH_SERVER_DIST ?? 'dist', 'main.js');
  const url = `mysql://${encodeURIComponent(conn.user)}${conn.password ? `:${encodeURIComponent(conn.password)}` : ''}@${conn.host}:${conn.port}/${DB}`;
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...extra, main], {
    env: {
      ...process.env,
      PORT: String(PORT + instance),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      NODE_ENV: 'development',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      // The dev login (the benchmark signs in as the demo staff); the seed on one instance only.
      DEMO: '1',
      SEED_DEMO: instance === 0 ? 'true' : 'false',
      DEMO_LIVE: '0',
      SEED_HOUSEHOLDS: String(HOUSEHOLDS),
      H5_DIR: '',
      LOGIN_RATE_LIMIT: '100000',
      DB_POOL_SIZE: String(POOL),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/**
 * One API call; a connection reset (a kept-alive socket the server had just closed) is retried
 * with the same Idempotency-Key, as the app does, so a retry can never order twice.
 */
export async function call(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  instance = 0,
): Promise<{ status: number; body: unknown }> {
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(method, path, token, body, key, PORT + instance);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

function send(
  method: string,
  path: string,
  token: string | null,
  body: unknown,
  key: string,
  port: number,
): Promise<{ status: number; body: unknown }> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolveCall, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(data ? { 'content-length': String(data.length), 'idempotency-key': key } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolveCall({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

export async function waitForServer(instance: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await call('GET', '/api/health', null, undefined, instance)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not come up');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function rush<T>(
  jobs: T[],
  run: (job: T) => Promise<string>,
  concurrency = CONCURRENCY,
): Promise<{ seconds: number; latencies: number[]; outcomes: Map<string, number> }> {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as T;
        const t0 = process.hrtime.bigint();
        const outcome = await run(job).catch((e: unknown) => `error ${e instanceof Error ? e.message : String(e)}`);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, outcomes };
}

export function report(name: string, r: { seconds: number; latencies: number[]; outcomes: Map<string, number> }, accepted: number): number {
  const rate = accepted / r.seconds;
  log(
    `${name}: ${r.latencies.length} requests in ${r.seconds.toFixed(2)} s → ${rate.toFixed(0)} accepted orders/s, ${(r.latencies.length / r.seconds).toFixed(0)} requests/s`,
  );
  log(
    `${name}: latency p50 ${percentile(r.latencies, 50).toFixed(0)} ms, p95 ${percentile(r.latencies, 95).toFixed(0)} ms, p99 ${percentile(r.latencies, 99).toFixed(0)} ms`,
  );
  log(`${name}: outcomes ${[...r.outcomes.entries()].map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return rate;
}

/**
 * A bare-SQL twin's command: one transaction on a pooled connection, committed when `work`
 * answers 'ok', rolled back when it answers a refusal (or throws).
 */
export async function sqlTransaction(pool: Pool, work: (c: PoolConnection) => Promise<string>): Promise<string> {
  const c = await pool.getConnection();
  try {
    await c.beginTransaction();
    const outcome = await work(c);
    if (outcome === 'ok') await c.commit();
    else await c.rollback();
    return outcome;
  } catch (e) {
    await c.rollback();
    throw e;
  } finally {
    c.release();
  }
}
