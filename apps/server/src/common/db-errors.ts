/** True when a write failed on a unique index (SQLite or MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errno?: unknown; driverError?: unknown };
  if (e.code === 'ER_DUP_ENTRY' || e.errno === 1062) return true;
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
  if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return e.driverError !== undefined && e.driverError !== error ? isUniqueViolation(e.driverError) : false;
}

/**
 * True when MySQL/MariaDB chose this transaction as a deadlock victim (1213) or it waited too
 * long for a lock (1205): the whole transaction was rolled back and may simply run again.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errno?: unknown; driverError?: unknown };
  if (e.code === 'ER_LOCK_DEADLOCK' || e.errno === 1213 || e.code === 'ER_LOCK_WAIT_TIMEOUT' || e.errno === 1205) return true;
  return e.driverError !== undefined && e.driverError !== error ? isRetryableConflict(e.driverError) : false;
}
