import type { PgBoss } from 'pg-boss';

/** Where pg-boss' insert statement takes its jobs: a JSON array, as text, in $1. */
const JOBS_PARAMETER = '$1::text::json';

const captured = new WeakMap<PgBoss, Map<string, Promise<string>>>();

/** A statement of pg-boss' for a queue, captured once per PgBoss (a failed capture is tried again next time). */
function capturedOnce(boss: PgBoss, key: string, capture: () => Promise<string>): Promise<string> {
  let byKey = captured.get(boss);
  if (!byKey) captured.set(boss, (byKey = new Map()));
  let text = byKey.get(key);
  if (!text) {
    text = capture();
    byKey.set(key, text);
    text.catch(() => byKey.delete(key));
  }
  return text;
}

/**
 * pg-boss' own INSERT of jobs into `queue`, captured once (boss.insert, given a `db` that only
 * records): embedded as a data-modifying CTE it queues jobs in the same statement that writes the
 * rows they carry, with pg-boss' columns, defaults and queue settings rather than a copy of them.
 * The function takes SQL for the jobs (a JSON array of { data, startAfter? }).
 */
export async function jobInsertSql(boss: PgBoss, queue: string): Promise<(jobs: string) => string> {
  const insert = await capturedOnce(boss, `insert:${queue}`, () => captureInsert(boss, queue));
  return (jobs) => insert.replace(JOBS_PARAMETER, () => `(${jobs})::text::json`);
}

async function captureInsert(boss: PgBoss, queue: string): Promise<string> {
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

/**
 * pg-boss' own completion of active jobs of `queue`, captured once like its insert: the UPDATE of
 * its statement, to embed as a data-modifying CTE in the statement that writes the jobs' work. The
 * function takes SQL for the job ids (a uuid[]).
 */
export async function jobCompleteSql(boss: PgBoss, queue: string): Promise<(ids: string) => string> {
  const text = await capturedOnce(boss, `complete:${queue}`, () => captureComplete(boss, queue));
  return (ids) => text.replace(/\$([23])\b/g, (_, n: string) => (n === '2' ? ids : 'NULL'));
}

async function captureComplete(boss: PgBoss, queue: string): Promise<string> {
  let text = '';
  let values: unknown[] = [];
  await boss.complete(queue, ['00000000-0000-0000-0000-000000000000'], null, {
    db: {
      executeSql: async (sql: string, given?: unknown[]) => {
        [text, values] = [sql, given ?? []];
        return { rows: [{ count: 0, ids: [] }] };
      },
    },
  });
  // WITH results AS (UPDATE … WHERE name = $1 AND id = ANY($2) …, output = $3 …) SELECT … FROM results
  const update = /^\s*WITH results AS \(\s*(UPDATE[\s\S]*\sRETURNING id)\s*\)\s*SELECT [^;]* FROM results\s*$/.exec(text)?.[1];
  if (!update || values.length !== 3 || /\$[4-9]/.test(update) || !/^[a-z0-9-]+$/.test(queue)) {
    throw new Error(`pg-boss' job completion for ${queue} no longer has the shape Switchboard embeds`);
  }
  return update.replace(/\$1\b/g, `'${queue}'`);
}
