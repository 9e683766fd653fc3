import type { PgBoss } from 'pg-boss';
import type { Sql } from '../db/sql.ts';
import { applyStatusUpdates, type StatusUpdate } from '../messages/apply-status-updates.ts';
import { OUTCOME, type Receipt } from '../channels/smpp/receipts.ts';

/**
 * Each submit_sm of a message has its own SMSC id and its own receipt, so receipts are matched per
 * part here (smpp_parts), not through the message's one provider id: a message is DELIVERED when
 * every part is, and UNDELIVERED or FAILED as soon as one part is. A receipt that arrives before its
 * submit_sm_resp is recorded (its part has no message yet) and applied when the part is.
 */

/** A message's parts as accepted by the SMSC, by their ids in receipt form. */
export type SentParts = { messageId: string; keys: string[] };

/** Records the parts of messages just SENT; answers the messages some of whose receipts came first. */
export async function storeSentParts(sql: Sql, deviceId: string, sent: SentParts[]): Promise<string[]> {
  const rows = sent.flatMap((s) => s.keys.map((key, i) => ({ key, messageId: s.messageId, part: i + 1, parts: s.keys.length })));
  if (!rows.length) return [];
  const { rows: early } = await sql.query<{ message_id: string; stat: string | null }>(
    `INSERT INTO smpp_parts AS p (device_id, receipt_key, message_id, part, parts)
     SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::int[], $5::int[])
     ON CONFLICT (device_id, receipt_key) DO UPDATE SET message_id = EXCLUDED.message_id, part = EXCLUDED.part, parts = EXCLUDED.parts
     RETURNING message_id, stat`,
    [deviceId, rows.map((r) => r.key), rows.map((r) => r.messageId), rows.map((r) => r.part), rows.map((r) => r.parts)],
  );
  return [...new Set(early.filter((r) => r.stat).map((r) => r.message_id))];
}

/** Records a final receipt for a part; answers its message, or null while the part is not known yet. */
export async function recordReceipt(sql: Sql, deviceId: string, key: string, receipt: Receipt): Promise<string | null> {
  const { rows } = await sql.query<{ message_id: string | null }>(
    `INSERT INTO smpp_parts AS p (device_id, receipt_key, stat, raw) VALUES ($1, $2, $3, $4)
     ON CONFLICT (device_id, receipt_key) DO UPDATE SET stat = EXCLUDED.stat, raw = EXCLUDED.raw
     RETURNING message_id`,
    [deviceId, key, receipt.stat, receipt.raw],
  );
  return rows[0]?.message_id ?? null;
}

/** Moves these messages as far as their parts' receipts say (in the caller's transaction). */
export async function applyPartReceipts(sql: Sql, boss: PgBoss, deviceId: string, messageIds: string[]): Promise<void> {
  if (!messageIds.length) return;
  const { rows } = await sql.query<{ message_id: string; parts: number; stat: string | null; raw: string | null }>(
    'SELECT message_id, parts, stat, raw FROM smpp_parts WHERE message_id = ANY($1::uuid[]) ORDER BY message_id, part',
    [[...new Set(messageIds)]],
  );
  const byMessage = new Map<string, typeof rows>();
  for (const r of rows) byMessage.set(r.message_id, [...(byMessage.get(r.message_id) ?? []), r]);
  const updates: StatusUpdate[] = [];
  for (const [messageId, parts] of byMessage) {
    const failed = parts.find((p) => p.stat && OUTCOME[p.stat] !== 'DELIVERED' && OUTCOME[p.stat]);
    const at = new Date();
    if (failed) {
      updates.push({ messageId, deviceId, status: OUTCOME[failed.stat!] as 'UNDELIVERED' | 'FAILED', rawStatus: failed.raw, errorCode: failed.raw, error: `the SMSC reported ${failed.stat} for part ${parts.indexOf(failed) + 1} of ${parts.length}`, at });
    } else if (parts.length === parts[0]!.parts && parts.every((p) => p.stat === 'DELIVRD')) {
      updates.push({ messageId, deviceId, status: 'DELIVERED', rawStatus: parts.at(-1)!.raw, at });
    }
  }
  await applyStatusUpdates(sql, boss, updates);
}
