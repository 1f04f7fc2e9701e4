import type { DataSource } from 'typeorm';

/**
 * TEMPORARY (issue 16, until classes, contests and quizzes are merged): the tables participation
 * counts from, with only the columns of the contract the participation query reads. They are
 * created by those parts' migrations; on a branch without them the participation tests create
 * them here, only when missing. At merge: delete this file and its calls, and insert the rows
 * through the real tables (or the real API).
 */
export async function ensureParticipationTables(db: DataSource): Promise<void> {
  const id = 'id INT NOT NULL PRIMARY KEY';
  const at = 'DATETIME(3) NOT NULL';
  const statements = [
    `CREATE TABLE IF NOT EXISTS activity_classes (${id}, community_id INT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS class_signups (${id}, class_id INT NOT NULL, household_id INT NOT NULL, state VARCHAR(16) NOT NULL, created_at ${at})`,
    `CREATE TABLE IF NOT EXISTS contests (${id}, community_id INT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS contest_entries (${id}, contest_id INT NOT NULL, household_id INT NOT NULL, created_at ${at})`,
    `CREATE TABLE IF NOT EXISTS contest_votes (${id}, contest_id INT NOT NULL, household_id INT NOT NULL, created_at ${at})`,
    `CREATE TABLE IF NOT EXISTS quizzes (${id}, community_id INT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS quiz_attempts (${id}, quiz_id INT NOT NULL, household_id INT NOT NULL, started_at ${at})`,
  ];
  for (const sql of statements) await db.query(sql);
}
