// Statements per message by pipeline stage, from the counts each Switchboard process (and worker
// thread) writes to SWITCHBOARD_STATEMENT_COUNTS_DIR every second (src/db/statement-counts.ts).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, sleep } from './support.ts';

const STAGES = ['accept', 'send', 'status', 'delivery'] as const;

export type StatementsPerMessage = Record<(typeof STAGES)[number] | 'total' | 'other', number> & { messages: number; statements: number };

/** A fresh directory for the counts, and the environment that makes Switchboard write them there. */
export function statementCountsDir(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-statements-'));
  return { dir, env: { SWITCHBOARD_STATEMENT_COUNTS_DIR: dir } };
}

/** The counts so far of every process, summed (after a wait for the next write of each). */
export async function statementCounts(dir: string): Promise<Record<string, number>> {
  await sleep(1500);
  const sum: Record<string, number> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const [stage, n] of Object.entries(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, number>)) sum[stage] = (sum[stage] ?? 0) + n;
  }
  return sum;
}

/** Statements of each stage between two readings, per message accepted meanwhile; `total` is the four stages', `other` the rest (set-up, pg-boss' upkeep). */
export function perMessage(before: Record<string, number>, after: Record<string, number>, messages: number): StatementsPerMessage {
  const delta = (stage: string) => (after[stage] ?? 0) - (before[stage] ?? 0);
  const stages = Object.fromEntries(STAGES.map((s) => [s, round(delta(s) / messages)])) as Record<(typeof STAGES)[number], number>;
  const statements = STAGES.reduce((n, s) => n + delta(s), 0);
  return { ...stages, total: round(statements / messages), other: round(delta('other') / messages), messages, statements };
}

/** Readings at the end of each phase: statements per message in each, and over all of them. */
export function statementTracker(dir: string, messagesStored: () => Promise<number>) {
  const first = { counts: {} as Record<string, number>, messages: 0 };
  let last = first;
  const byPhase: Record<string, StatementsPerMessage> = {};
  const read = async () => ({ counts: await statementCounts(dir), messages: await messagesStored() });
  return {
    async start() {
      Object.assign(first, await read());
    },
    async mark(phase: string) {
      const now = await read();
      byPhase[phase] = perMessage(last.counts, now.counts, now.messages - last.messages);
      last = now;
    },
    result: () => ({ overall: perMessage(first.counts, last.counts, last.messages - first.messages), byPhase }),
  };
}
