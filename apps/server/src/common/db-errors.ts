/** True when a write failed on a unique index (SQLite or MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errno?: unknown; driverError?: unknown };
  if (e.code === 'ER_DUP_ENTRY' || e.errno === 1062) return true;
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
  if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return e.driverError !== undefined && e.driverError !== error ? isUniqueViolation(e.driverError) : false;
}
