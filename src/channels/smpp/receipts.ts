/**
 * SMSC delivery receipts (SMPP 3.4 Appendix B): `id:… sub:… dlvrd:… submit date:… done date:…
 * stat:DELIVRD err:000 text:…` in short_message, and the receipted_message_id / message_state /
 * network_error_code TLVs where the SMSC sends them (preferred). Fields are read one by one,
 * case-insensitively, as Kannel's fallback parser does, so vendors' variations still read.
 */

/** How receipts write the SMSC's message id, compared with the submit_sm_resp's. */
export type ReceiptIdFormat = 'string' | 'hex' | 'decimal';

/** What a receipt's `stat` means for the message. ENROUTE, ACCEPTD and the like are not final: null. */
export type ReceiptOutcome = 'DELIVERED' | 'UNDELIVERED' | 'FAILED';

export type Receipt = {
  /** The SMSC's id of the receipted message, as the receipt writes it. */
  id: string;
  /** The 7-letter state (DELIVRD, UNDELIV, …). */
  stat: string;
  err: string | null;
  outcome: ReceiptOutcome | null;
  /** Kept on the message: `smpp:UNDELIV/err:075`. */
  raw: string;
};

/** What each final `stat` does to a message. */
export const OUTCOME: Record<string, ReceiptOutcome> = {
  DELIVRD: 'DELIVERED',
  UNDELIV: 'UNDELIVERED',
  EXPIRED: 'UNDELIVERED',
  DELETED: 'UNDELIVERED',
  UNKNOWN: 'UNDELIVERED',
  REJECTD: 'FAILED',
};
/** message_state TLV values (SMPP 3.4 §5.3.2.35) as their receipt names. */
const STATE_NAME: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };
/** Spellings some SMSCs use for the standard names. */
const ALIAS: Record<string, string> = { DELIVERED: 'DELIVRD', UNDELIVERABLE: 'UNDELIV', REJECTED: 'REJECTD', ACCEPTED: 'ACCEPTD' };

const field = (text: string, name: string) => new RegExp(`(?:^|\\s)${name}:\\s*(\\S+)`, 'i').exec(text)?.[1] ?? null;

/** A receipt from a deliver_sm's text and TLVs; null when it names no message or no state. */
export function readReceipt(text: string, tlvs: { receiptedMessageId?: string | null; messageState?: number | null; networkErrorCode?: Buffer | null }): Receipt | null {
  const id = tlvs.receiptedMessageId?.trim() || field(text, 'id');
  const textStat = field(text, 'stat')?.toUpperCase() ?? null;
  const named = tlvs.messageState != null ? STATE_NAME[tlvs.messageState] : undefined;
  const stat = named ?? (textStat ? (ALIAS[textStat] ?? textStat) : null);
  if (!id || !stat) return null;
  const network = tlvs.networkErrorCode && tlvs.networkErrorCode.length >= 3 ? String(tlvs.networkErrorCode.readUInt16BE(1)).padStart(3, '0') : null;
  const err = field(text, 'err') ?? network;
  return { id, stat, err, outcome: OUTCOME[stat] ?? null, raw: `smpp:${stat}${err ? `/err:${err}` : ''}` };
}

const HEX = /^[0-9a-f]+$/i;
const DECIMAL = /^[0-9]+$/;
const asNumber = (id: string, base: 'hex' | 'decimal') =>
  base === 'hex' ? (HEX.test(id) ? BigInt(`0x${id}`).toString() : id) : DECIMAL.test(id) ? BigInt(id).toString() : id;

/**
 * The key a submitted part and its receipt are matched by. With `hex` or `decimal` the receipt writes
 * the id in that base while submit_sm_resp gave it in the other (the classic mismatch): both sides
 * become the same decimal number. With `string` they are compared as given.
 */
export function receiptKey(id: string, side: 'submitted' | 'receipt', format: ReceiptIdFormat): string {
  const trimmed = id.trim();
  if (format === 'string') return trimmed;
  const receiptBase = format;
  const base = side === 'receipt' ? receiptBase : receiptBase === 'hex' ? 'decimal' : 'hex';
  return asNumber(trimmed, base);
}
