import { decodeGsm7, gsm7Septets, isGsm7 } from './gsm7.ts';

/** How a text longer than one SMS travels: UDH concatenation (8- or 16-bit reference), SAR TLVs, or whole in message_payload. */
export type LongMessage = 'udh8' | 'udh16' | 'sar' | 'payload';
/** `auto`: GSM-7 when every character has a septet, else UCS-2; `latin1`: ISO-8859-1 where it fits, else UCS-2. */
export type DataCodingPreference = 'auto' | 'ucs2' | 'latin1';

export const DATA_CODING = { GSM7: 0x00, IA5: 0x01, LATIN1: 0x03, UCS2: 0x08 } as const;
/** esm_class bit: short_message starts with a User Data Header. */
export const ESM_UDHI = 0x40;

/** One submit_sm's share of a message. */
export type SubmitPart = {
  shortMessage: Buffer;
  esmClass: number;
  tlvs: { sar_msg_ref_num?: number; sar_total_segments?: number; sar_segment_seqnum?: number; message_payload?: Buffer };
};

// Octets (GSM-7: septets, one per octet) of one SMS, and of one part of a concatenated one once its
// header takes its room: a 6-octet UDH costs 7 septets, a 7-octet one 8 (23.040 §9.2.3.24).
const SINGLE = { gsm: 160, octets: 140 };
const PART: Record<LongMessage, { gsm: number; octets: number }> = {
  udh8: { gsm: 153, octets: 134 },
  // The SMSC adds the header itself: its 8-bit reference form is assumed.
  sar: { gsm: 153, octets: 134 },
  udh16: { gsm: 152, octets: 132 },
  payload: { gsm: 153, octets: 134 },
};
const MAX_PARTS = 255;

type Coding = { dataCoding: number; encodeChar: (c: string) => Buffer; gsm: boolean };

function codingFor(text: string, preference: DataCodingPreference): Coding {
  const ucs2: Coding = { dataCoding: DATA_CODING.UCS2, encodeChar: (c) => Buffer.from(c, 'utf16le').swap16(), gsm: false };
  if (preference === 'ucs2') return ucs2;
  if (preference === 'latin1') return /^[\u0000-\u00ff]*$/.test(text) ? { dataCoding: DATA_CODING.LATIN1, encodeChar: (c) => Buffer.from(c, 'latin1'), gsm: false } : ucs2;
  return isGsm7(text) ? { dataCoding: DATA_CODING.GSM7, encodeChar: (c) => Buffer.from(gsm7Septets(c)), gsm: true } : ucs2;
}

/**
 * The submit_sm PDUs' contents for a text: its data_coding and one part per SMS, split so that no
 * character (an extension character's two septets, a UCS-2 surrogate pair) straddles two parts.
 * `reference` identifies the parts of one message; the same message gets the same one when resent.
 */
export function submitParts(text: string, o: { longMessage: LongMessage; dataCoding: DataCodingPreference }, reference: number): { dataCoding: number; parts: SubmitPart[] } {
  const coding = codingFor(text, o.dataCoding);
  const chars = [...text].map(coding.encodeChar);
  const total = chars.reduce((n, c) => n + c.length, 0);
  const single = coding.gsm ? SINGLE.gsm : SINGLE.octets;
  if (total <= single) return { dataCoding: coding.dataCoding, parts: [{ shortMessage: Buffer.concat(chars), esmClass: 0, tlvs: {} }] };
  if (o.longMessage === 'payload') return { dataCoding: coding.dataCoding, parts: [{ shortMessage: Buffer.alloc(0), esmClass: 0, tlvs: { message_payload: Buffer.concat(chars) } }] };

  const room = coding.gsm ? PART[o.longMessage].gsm : PART[o.longMessage].octets;
  const chunks: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  for (const c of chars) {
    if (size + c.length > room) {
      chunks.push(Buffer.concat(current));
      current = [];
      size = 0;
    }
    current.push(c);
    size += c.length;
  }
  chunks.push(Buffer.concat(current));
  if (chunks.length > MAX_PARTS) throw new RangeError(`the text needs ${chunks.length} parts; SMS concatenation allows ${MAX_PARTS}`);

  const ref8 = reference & 0xff;
  const ref16 = reference & 0xffff;
  const parts = chunks.map((chunk, i): SubmitPart => {
    const seq = i + 1;
    const count = chunks.length;
    if (o.longMessage === 'sar') return { shortMessage: chunk, esmClass: 0, tlvs: { sar_msg_ref_num: ref16, sar_total_segments: count, sar_segment_seqnum: seq } };
    const udh = o.longMessage === 'udh16' ? [0x06, 0x08, 0x04, ref16 >> 8, ref16 & 0xff, count, seq] : [0x05, 0x00, 0x03, ref8, count, seq];
    return { shortMessage: Buffer.concat([Buffer.from(udh), chunk]), esmClass: ESM_UDHI, tlvs: {} };
  });
  return { dataCoding: coding.dataCoding, parts };
}

/** A received text per its data_coding (SMPP 3.4 §5.2.19, and the GSM message-class forms 0xF0–0xF7). */
export function decodeShortMessage(octets: Buffer, dataCoding: number): string {
  if (dataCoding === DATA_CODING.UCS2) return Buffer.from(octets.subarray(0, octets.length - (octets.length % 2))).swap16().toString('utf16le');
  if (dataCoding === DATA_CODING.GSM7 || (dataCoding & 0xf4) === 0xf0) return decodeGsm7(octets);
  if (dataCoding === DATA_CODING.IA5) return octets.toString('ascii');
  return octets.toString('latin1');
}

/** A concatenation header's fields: from a UDH (IE 0x00 or 0x08) or the SAR TLVs. */
export type Concatenation = { ref: number; total: number; seq: number };

/** Splits a UDH off the octets (when esm_class says one is there) and reads its concatenation element. */
export function readUdh(octets: Buffer, esmClass: number): { text: Buffer; concatenation: Concatenation | null } {
  if (!(esmClass & ESM_UDHI) || octets.length === 0) return { text: octets, concatenation: null };
  const end = 1 + octets[0]!;
  let concatenation: Concatenation | null = null;
  for (let i = 1; i + 1 < end; ) {
    const id = octets[i]!;
    const length = octets[i + 1]!;
    const data = octets.subarray(i + 2, i + 2 + length);
    if (id === 0x00 && length === 3) concatenation = { ref: data[0]!, total: data[1]!, seq: data[2]! };
    if (id === 0x08 && length === 4) concatenation = { ref: data.readUInt16BE(0), total: data[2]!, seq: data[3]! };
    i += 2 + length;
  }
  return { text: octets.subarray(end), concatenation };
}
