import { DateUtils } from 'typeorm/util/DateUtils';
import type { Db } from './db';

/**
 * Plain SQL on the command's transaction, for the hot paths where TypeORM's query builder costs
 * more than the statement (a door scan, a dispatch of 20,000 parcels). `?` placeholders work on
 * both better-sqlite3 and mysql2; values are written as TypeORM writes them, so rows read back
 * through the entities look the same.
 */
export class RawSql {
  constructor(private readonly db: Db) {}

  get mysql(): boolean {
    const type = this.db.source.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /** A datetime value as its column stores it (SQLite: UTC text; MySQL: the Date, the pool's timezone is Z). */
  time(value: Date | null): Date | string | null {
    if (value === null) return null;
    return this.mysql ? value : DateUtils.mixedDateToUtcDatetimeString(value);
  }

  /** SQL text joining these SQL expressions (MySQL: CONCAT; SQLite: ||). */
  concat(...parts: string[]): string {
    return this.mysql ? `CONCAT(${parts.join(', ')})` : `(${parts.join(' || ')})`;
  }

  /** A boolean as its column stores it. */
  bool(value: boolean): number {
    return value ? 1 : 0;
  }

  /** Rows of a SELECT. */
  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.manager.query(sql, params)) as T[];
  }

  /** An INSERT, UPDATE or DELETE: how many rows it wrote. */
  async run(sql: string, params: unknown[] = []): Promise<number> {
    const manager = this.db.manager;
    const runner = manager.queryRunner ?? this.db.source.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return Number(result.affected ?? 0);
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  }

  /** `?, ?, ?` for n values. */
  static marks(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }
}
