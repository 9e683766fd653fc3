import type { PgBoss } from 'pg-boss';

/** Where pg-boss' insert statement takes its jobs: a JSON array, as text, in $1. */
const JOBS_PARAMETER = '$1::text::json';

const captured = new WeakMap<PgBoss, Map<string, Promise<string>>>();

/**
 * pg-boss' own INSERT of jobs into `queue`, captured once (boss.insert, given a `db` that only
 * records): embedded as a data-modifying CTE it queues jobs in the same statement that writes the
 * rows they carry, with pg-boss' columns, defaults and queue settings rather than a copy of them.
 * The function takes SQL for the jobs (a JSON array of { data, startAfter? }).
 */
export async function jobInsertSql(boss: PgBoss, queue: string): Promise<(jobs: string) => string> {
  let byQueue = captured.get(boss);
  if (!byQueue) captured.set(boss, (byQueue = new Map()));
  let text = byQueue.get(queue);
  if (!text) {
    text = capture(boss, queue);
    byQueue.set(queue, text);
    text.catch(() => byQueue.delete(queue));
  }
  const insert = await text;
  return (jobs) => insert.replace(JOBS_PARAMETER, () => `(${jobs})::text::json`);
}

async function capture(boss: PgBoss, queue: string): Promise<string> {
  let text = '';
  await boss.insert(queue, [{ data: {} }], {
    db: {
      executeSql: async (sql: string) => {
        text = sql;
        return { rows: [] };
      },
    },
  });
  // A plain INSERT taking its jobs from $1 embeds as a CTE; anything else (a NOTIFY, a new parameter) would not.
  if (!/^\s*INSERT INTO/.test(text) || text.split(JOBS_PARAMETER).length !== 2 || /\$[2-9]|pg_notify|RETURNING/i.test(text)) {
    throw new Error(`pg-boss' job insert for ${queue} no longer has the shape Switchboard embeds`);
  }
  return text;
}
