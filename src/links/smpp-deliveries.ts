import { inTransaction } from '../db/pool.ts';
import { pgSql, type Sql } from '../db/sql.ts';
import type { Runtime } from '../runtime.ts';
import { BatchHost } from '../messages/driver-host.ts';
import type { DriverDevice } from '../channels/driver.ts';
import { readReceipt, receiptKey } from '../channels/smpp/receipts.ts';
import { decodeShortMessage, readUdh, type Concatenation } from '../channels/smpp/short-message.ts';
import type { SmppConfig } from '../channels/smpp/smpp-driver.ts';
import { applyPartReceipts, recordReceipt } from './smpp-parts.ts';
import type { Pdu } from '../channels/smpp/smpp-session.ts';

/** esm_class message-type bits (SMPP 3.4 §5.2.12): anything but 0 is a receipt or acknowledgement, not a contact's message. */
const ESM_MESSAGE_TYPE = 0x3c;
const TON_INTERNATIONAL = 1;

/** The octets of a deliver_sm: message_payload when the SMSC used it, else short_message. */
const octetsOf = (pdu: Pdu): Buffer => (Buffer.isBuffer(pdu.message_payload) && pdu.message_payload.length ? pdu.message_payload : (pdu.short_message as Buffer) ?? Buffer.alloc(0));

/**
 * Stores what the SMSC delivered, in one transaction: receipts move their messages (per part,
 * smpp-parts.ts); contacts' messages become inbound messages (client, conversation,
 * INCOMING_MESSAGE), a concatenated one once all its parts are here. The caller answers the
 * deliver_sm PDUs only after this resolves, so an SMSC re-sends what was not stored.
 */
export async function storeDeliveries(rt: Runtime, device: DriverDevice<SmppConfig>, pdus: Pdu[]): Promise<void> {
  await inTransaction(rt.pool, async (client) => {
    const sql = pgSql(client);
    const host = new BatchHost();
    const receipted: string[] = [];
    for (const pdu of pdus) {
      const octets = octetsOf(pdu);
      if (pdu.esm_class & ESM_MESSAGE_TYPE) {
        const receipt = readReceipt(decodeShortMessage(octets, pdu.data_coding ?? 0), {
          receiptedMessageId: pdu.receipted_message_id,
          messageState: pdu.message_state,
          networkErrorCode: pdu.network_error_code,
        });
        if (!receipt) {
          rt.log.warn({ deviceId: device.id }, 'an SMPP receipt named no message or state; ignored');
          continue;
        }
        if (!receipt.outcome) continue;
        const messageId = await recordReceipt(sql, device.id, receiptKey(receipt.id, 'receipt', device.config.receiptIdFormat), receipt);
        if (messageId) receipted.push(messageId);
        continue;
      }
      const from = pdu.source_addr_ton === TON_INTERNATIONAL && /^\d+$/.test(pdu.source_addr) ? `+${pdu.source_addr}` : String(pdu.source_addr);
      const content = await wholeText(sql, device.id, from, pdu, octets);
      if (content !== null) host.inbound.push({ deviceId: device.id, report: { from, content, attachments: [] } });
    }
    await host.flush(sql, rt.boss, rt.media);
    await applyPartReceipts(sql, rt.boss, device.id, receipted);
  });
}

/** A contact's text: at once for a single SMS; for a part of a long one, null until every part is kept. */
async function wholeText(sql: Sql, deviceId: string, from: string, pdu: Pdu, octets: Buffer): Promise<string | null> {
  const dataCoding = pdu.data_coding ?? 0;
  const { text, concatenation: udh } = octets === pdu.message_payload ? { text: octets, concatenation: null } : readUdh(octets, pdu.esm_class);
  const sar: Concatenation | null =
    pdu.sar_msg_ref_num !== undefined && pdu.sar_total_segments !== undefined && pdu.sar_segment_seqnum !== undefined
      ? { ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum }
      : null;
  const part = udh ?? sar;
  if (!part || part.total <= 1) return decodeShortMessage(text, dataCoding);
  // Parts are kept in PostgreSQL (and answered once kept), so a crash or a takeover loses none.
  await sql.query(
    `INSERT INTO smpp_inbound_parts (device_id, source, ref, total, seq, data_coding, octets) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [deviceId, from, part.ref, part.total, part.seq, dataCoding, text],
  );
  const { rows } = await sql.query<{ data_coding: number; octets: Buffer }>(
    'SELECT data_coding, octets FROM smpp_inbound_parts WHERE device_id = $1 AND source = $2 AND ref = $3 AND total = $4 ORDER BY seq FOR UPDATE',
    [deviceId, from, part.ref, part.total],
  );
  if (rows.length < part.total) return null;
  await sql.query('DELETE FROM smpp_inbound_parts WHERE device_id = $1 AND source = $2 AND ref = $3 AND total = $4', [deviceId, from, part.ref, part.total]);
  // Joined before decoding: a UCS-2 surrogate pair or a GSM escape may straddle two parts.
  return decodeShortMessage(Buffer.concat(rows.map((r) => r.octets)), rows[0]!.data_coding);
}
