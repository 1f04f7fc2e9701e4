import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryResult, Repository } from 'typeorm';
import { DataSource } from 'typeorm';
import { isRetryableConflict } from '../db-errors';

/** Runs of a transaction MySQL rolled back as a deadlock victim (or lock-wait timeout), in all. */
const ATTEMPTS = 3;

/** A promise-chain mutex: one holder at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/**
 * The database as services see it: one transaction per command, reached one way.
 *
 * A mutating request runs inside one transaction (opened by the idempotency interceptor);
 * `transaction()` joins it. Services reach that transaction ONLY through this class:
 * `db.repo(Entity)` for one table, `db.manager` for a query over several. They never take or
 * pass an `EntityManager` of their own, so whichever service a command calls reads its own
 * writes and the stored idempotent answer commits together with the change. (The demo seed and
 * migrations run before any request, on the DataSource itself.)
 *
 * On SQLite TypeORM shares ONE connection between all requests: two overlapping transactions
 * would silently nest as savepoints of each other. There, transactions take a process-wide
 * mutex (SQLite has a single writer anyway). On MySQL each transaction has its own pooled
 * connection and nothing is serialised in process: the database's locks decide.
 *
 * Nothing calls an outside service (WeChat) inside a transaction: on SQLite it would stall every
 * write on the server, on MySQL hold a pooled connection, and a deadlock retry would call again.
 * The adapters in src/wechat check it (`assertOutsideTransaction`); a command that calls out opts
 * out of the interceptor's transaction with `@CallsOut()` and opens short ones around its own
 * reads and writes. So a transaction only ever touches the database, and the one that MySQL
 * picks as a deadlock victim is simply run again here.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<{
    tx: EntityManager;
    afterCommit: (() => Promise<void>)[];
    last: (() => Promise<void>)[];
  }>();
  private readonly sqliteWriter: Mutex | null;
  private readonly logger = new Logger('Db');

  constructor(@InjectDataSource() readonly source: DataSource) {
    this.sqliteWriter = source.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  /** The current command's transaction, or the plain manager outside one. */
  get manager(): EntityManager {
    return this.current.getStore()?.tx ?? this.source.manager;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** MySQL/MariaDB (else the embedded SQLite): for the few statements whose SQL differs. */
  get isMysql(): boolean {
    return this.source.options.type === 'mysql';
  }

  /**
   * A hand-written SELECT on the current transaction (or the pool), `?` placeholders on both
   * databases: for hot paths where TypeORM's query building leads the profile. Column names
   * come back as written (alias them); dates come back as Date on MySQL and text on SQLite
   * (read them through `Db.date`).
   */
  async rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.raw(sql, params)).records as T[];
  }

  /** A hand-written INSERT/UPDATE/DELETE (see `rows`): the rows it changed, and the id it inserted. */
  async run(sql: string, params: readonly unknown[] = []): Promise<{ affected: number; insertId: number }> {
    const result = await this.raw(sql, params);
    const raw: unknown = result.raw;
    const insertId = typeof raw === 'object' && raw !== null && 'insertId' in raw ? Number(raw.insertId) : Number(raw ?? 0);
    return { affected: result.affected ?? 0, insertId };
  }

  /**
   * Entities whose rows match a hand-written condition (`id = ?`), read with all their columns
   * and built from TypeORM's metadata without its query builder: datetimes as Date, booleans as
   * boolean.
   */
  async entities<T extends ObjectLiteral>(entity: EntityTarget<T>, where: string, params: readonly unknown[] = []): Promise<T[]> {
    const metadata = this.source.getMetadata(entity);
    const sql = `SELECT * FROM ${this.source.driver.escape(metadata.tableName)} WHERE ${where}`;
    const columns = metadata.columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      kind: c.type === 'datetime' || c.type === Date ? 'date' : c.type === 'boolean' || c.type === Boolean ? 'boolean' : 'plain',
    }));
    const rows = await this.rows<Record<string, unknown>>(sql, params);
    return rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) {
        const value = row[c.column];
        out[c.property] =
          value === null || value === undefined
            ? null
            : c.kind === 'date'
              ? Db.date(value as Date | string)
              : c.kind === 'boolean'
                ? Boolean(Number(value))
                : value;
      }
      return out as T;
    });
  }

  /** SQL text joining these SQL expressions (MySQL: CONCAT; SQLite: ||). */
  concat(...parts: string[]): string {
    return this.isMysql ? `CONCAT(${parts.join(', ')})` : `(${parts.join(' || ')})`;
  }

  /** `?, ?, ?` for n values. */
  static marks(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }

  /** A datetime column read by `rows`. */
  static date(value: Date | string | null): Date | null {
    if (value === null || value instanceof Date) return value;
    return new Date(`${value.replace(' ', 'T')}Z`);
  }

  private async raw(sql: string, params: readonly unknown[]): Promise<QueryResult> {
    const values = params.map((v) => this.param(v));
    const open = this.current.getStore()?.tx.queryRunner;
    if (open) return open.query(sql, values, true) as Promise<QueryResult>;
    const runner = this.source.createQueryRunner();
    try {
      return (await runner.query(sql, values, true)) as QueryResult;
    } finally {
      await runner.release();
    }
  }

  /** Parameters as each driver stores them the way TypeORM does: dates as UTC text on SQLite, booleans as 0/1. */
  private param(value: unknown): unknown {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Date && !this.isMysql) return value.toISOString().replace('T', ' ').replace('Z', '');
    return value ?? null;
  }

  /** Whether a transaction is open here (a command's, or one a service opened). */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** For adapters of outside services: calling `what` inside a transaction is a programming error. */
  assertOutsideTransaction(what: string): void {
    if (this.inTransaction) {
      throw new Error(`${what} must not be called inside a database transaction (mark the route @CallsOut and call it between short ones)`);
    }
  }

  /**
   * Runs `fn` in a transaction, joining the current one when a command has opened it; `fn`
   * reaches it through `repo()` and `manager`. A new transaction that MySQL rolls back as a
   * deadlock victim runs again (up to 3 times in all): it only touched the database.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      }
    }
  }

  private async once<T>(fn: () => Promise<T>): Promise<T> {
    const afterCommit: (() => Promise<void>)[] = [];
    const last: (() => Promise<void>)[] = [];
    const run = (): Promise<T> =>
      this.source.transaction((tx) =>
        this.current.run({ tx, afterCommit, last }, async () => {
          const result = await fn();
          for (const task of last) await task();
          return result;
        }),
      );
    const result = await (this.sqliteWriter ? this.sqliteWriter.run(run) : run());
    for (const task of afterCommit) {
      // The command has committed: a reaction that fails is logged, never turned into its failure.
      await task().catch((error: unknown) =>
        this.logger.error(`after-commit task failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return result;
  }

  /**
   * Runs `task` as the last statements of the current transaction, after everything else the
   * command does (its stored idempotent answer included), just before the commit; at once
   * outside a transaction. For the rows every request of a rush wants (the stock, a window's
   * cap): their lock is held from that UPDATE to the commit only, not across the command's
   * other round trips, which a busy event loop stretches. A task that throws rolls the whole
   * transaction back, as any statement of it would.
   */
  async last(task: () => Promise<void>): Promise<void> {
    const open = this.current.getStore();
    if (open) open.last.push(task);
    else await task();
  }

  /**
   * Runs `task` once the current command's transaction has committed (never if it rolls back);
   * at once outside a transaction. How one module reacts to another's change without reaching
   * into its tables or rolling it back on failure.
   */
  async afterCommit(task: () => Promise<void>): Promise<void> {
    const open = this.current.getStore();
    if (open) open.afterCommit.push(task);
    else await task();
  }
}
