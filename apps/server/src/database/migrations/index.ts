import { Foundation1745000000000 } from './1745000000000-foundation';

/** Every migration, in order. Run at boot on SQLite and MySQL alike. */
export const MIGRATIONS = [Foundation1745000000000];
