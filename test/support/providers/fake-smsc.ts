import type { AddressInfo } from 'node:net';
import smpp from 'smpp';

// Octets as they are on the wire: the package would otherwise turn short_message and
// message_payload into text its own way, and the checks below read the bytes themselves.
for (const command of Object.values(smpp.commands)) if (command.params?.short_message) delete command.params.short_message.filter;
delete smpp.tlvs.message_payload!.filter;

type Session = smpp.Session;
type Pdu = smpp.PDU;

/** What one submit_sm carried, and how the SMSC answered it. */
export type Submit = {
  account: string;
  at: number;
  session: Session;
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destinationAddr: string;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  shortMessage: Buffer;
  messagePayload: Buffer | null;
  sar: { ref: number; total: number; seq: number } | null;
  /** The SMSC's id when it answered ESME_ROK. */
  messageId: string | null;
  status: number | null;
};

/** How the SMSC answers one submit: a command_status, later, or never (the link drops first). */
export type SubmitAnswer = { status?: number; hold?: Promise<void> };

/** An SMPP account of the fake SMSC, with what a test programs for it. */
export type Account = {
  systemId: string;
  password: string;
  submits: Submit[];
  /** Every bind attempt, in order. */
  binds: { mode: string; ok: boolean; at: number; interfaceVersion: number; tls: boolean }[];
  /** Sessions bound now, and the most at once. */
  bound: Set<Session>;
  maxBound: number;
  /** Answers nothing at all (enquire_link included) while set. */
  silent: boolean;
  answer: ((submit: Submit) => SubmitAnswer | undefined) | null;
  /** Awaited after a submit is accepted, before its submit_sm_resp: a receipt can overtake the answer. */
  beforeAnswer: ((submit: Submit) => Promise<void>) | null;
  /** How submit_sm_resp writes the SMSC's message ids. */
  messageIds: 'hex' | 'decimal';
  /** How receipts write the id: as submit_sm_resp gave it, or in this base. */
  receiptIds: 'same' | 'decimal' | 'hex';
  /** unbind PDUs the ESME sent (closing politely). */
  unbinds: number;
};

const ESME_RINVPASWD = smpp.errors.ESME_RINVPASWD!;
const ESME_RINVSYSID = smpp.errors.ESME_RINVSYSID!;
const ESME_RINVBNDSTS = smpp.errors.ESME_RINVBNDSTS!;

/**
 * A local SMSC on the `smpp` package's server side. It checks what an ESME sends strictly (bind
 * fields and interface version, submit_sm addresses, registered_delivery, data_coding against the
 * octets, UDH and SAR structure, lengths) and records problems a test asserts empty; answers with
 * hex (or decimal) message ids; sends receipts and contacts' messages as deliver_sm; and can be told
 * to throttle, hold answers, go silent or drop links. It listens over TLS when given a key and cert.
 */
export class FakeSmsc {
  readonly accounts = new Map<string, Account>();
  readonly problems: string[] = [];
  readonly #server: smpp.Server;
  #nextId = 0x4a3b2c00;
  port = 0;

  private constructor(tls: { key: string; cert: string } | undefined) {
    this.#server = smpp.createServer(tls ?? {}, (session) => this.#session(session));
  }

  /** Plain SMPP, or SMPP over TLS with this key and certificate. */
  static async start(tls?: { key: string; cert: string }): Promise<FakeSmsc> {
    const smsc = new FakeSmsc(tls);
    await new Promise<void>((resolve) => smsc.#server.listen(0, '127.0.0.1', () => resolve()));
    smsc.port = (smsc.#server.address() as AddressInfo).port;
    return smsc;
  }

  /** A new account (its own system_id) and the device config that binds to it. */
  account(extra: Record<string, unknown> = {}): { account: Account; config: Record<string, unknown> } {
    const systemId = `sb${this.accounts.size + 1}`;
    const account: Account = { systemId, password: 'pw123456', submits: [], binds: [], bound: new Set(), maxBound: 0, silent: false, answer: null, beforeAnswer: null, messageIds: 'hex', receiptIds: 'same', unbinds: 0 };
    this.accounts.set(systemId, account);
    return { account, config: { host: '127.0.0.1', port: this.port, systemId, password: account.password, ...extra } };
  }

  async stop(): Promise<void> {
    for (const session of [...this.#server.sessions]) session.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Cuts every connection of an account, as a dying SMSC would. */
  drop(account: Account): void {
    for (const session of account.bound) session.destroy();
  }

  /** Sends a delivery receipt for a submit (on a session that can receive) and resolves with the deliver_sm_resp's status. */
  receipt(submit: Submit, stat: string, err = '000', o: { tlvs?: boolean } = {}): Promise<number> {
    const account = this.accounts.get(submit.account)!;
    const number = BigInt(account.messageIds === 'hex' ? `0x${submit.messageId}` : submit.messageId!);
    const id = account.receiptIds === 'same' ? submit.messageId! : account.receiptIds === 'decimal' ? number.toString() : number.toString(16).toUpperCase();
    const text = `id:${id} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2412051200 done date:2412051201 stat:${stat} err:${err} text:${submit.shortMessage.subarray(0, 20).toString('latin1').replace(/[^ -~]/g, '.')}`;
    const states: Record<string, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5, REJECTD: 8 };
    return this.deliver(account, {
      source_addr: submit.destinationAddr,
      destination_addr: submit.sourceAddr,
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(text, 'ascii'),
      ...(o.tlvs ? { receipted_message_id: id, message_state: states[stat] } : {}),
    });
  }

  /** Sends a deliver_sm with these fields to the account's receiving session; resolves with the ESME's answer. */
  deliver(account: Account, fields: Record<string, unknown>): Promise<number> {
    const session = [...account.bound].find((s) => (s as unknown as { mode: string }).mode !== 'transmitter');
    if (!session) return Promise.reject(new Error(`no receiving session bound for ${account.systemId}`));
    return new Promise((resolve) => session.deliver_sm({ source_addr_ton: 1, source_addr_npi: 1, dest_addr_ton: 1, dest_addr_npi: 1, ...fields }, (r: Pdu) => resolve(r.command_status)));
  }

  #session(session: Session) {
    let account: Account | null = null;
    const mode = () => (session as unknown as { mode: string }).mode;
    session.on('error', () => undefined);
    session.on('close', () => account?.bound.delete(session));
    const bindAs = (name: string) => (pdu: Pdu) => {
      session.pause();
      const known = this.accounts.get(pdu.system_id);
      const ok = known !== undefined && pdu.password === known.password;
      known?.binds.push({ mode: name, ok, at: Date.now(), interfaceVersion: pdu.interface_version, tls: (session.socket as { encrypted?: boolean }).encrypted === true });
      if (pdu.interface_version !== 0x34) this.problems.push(`bind_${name} announced interface_version 0x${pdu.interface_version.toString(16)}`);
      if (!ok) {
        session.send(pdu.response({ command_status: known ? ESME_RINVPASWD : ESME_RINVSYSID }));
        return session.close();
      }
      account = known;
      (session as unknown as { mode: string }).mode = name;
      account.bound.add(session);
      account.maxBound = Math.max(account.maxBound, account.bound.size);
      session.send(pdu.response({ system_id: 'FakeSMSC' }));
      session.resume();
    };
    session.on('bind_transceiver', bindAs('transceiver'));
    session.on('bind_transmitter', bindAs('transmitter'));
    session.on('bind_receiver', bindAs('receiver'));
    session.on('enquire_link', (pdu: Pdu) => {
      if (!account?.silent) session.send(pdu.response());
    });
    session.on('unbind', (pdu: Pdu) => {
      if (account) {
        account.unbinds++;
        account.bound.delete(session);
      }
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => void this.#submit(session, account, mode(), pdu));
  }

  async #submit(session: Session, account: Account | null, mode: string, pdu: Pdu) {
    if (!account || mode === 'receiver') {
      this.problems.push(`submit_sm on a session bound as ${mode ?? 'nothing'}`);
      return session.send(pdu.response({ command_status: ESME_RINVBNDSTS }));
    }
    if (account.silent) return;
    const submit: Submit = {
      account: account.systemId,
      at: Date.now(),
      session,
      sourceAddr: pdu.source_addr,
      sourceTon: pdu.source_addr_ton,
      sourceNpi: pdu.source_addr_npi,
      destinationAddr: pdu.destination_addr,
      esmClass: pdu.esm_class,
      dataCoding: pdu.data_coding,
      registeredDelivery: pdu.registered_delivery,
      shortMessage: pdu.short_message,
      messagePayload: Buffer.isBuffer(pdu.message_payload) ? pdu.message_payload : null,
      sar: pdu.sar_msg_ref_num !== undefined ? { ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum } : null,
      messageId: null,
      status: null,
    };
    account.submits.push(submit);
    this.#check(submit);
    const answer = account.answer?.(submit) ?? {};
    if (answer.hold) await answer.hold;
    if (session.socket.destroyed) return;
    submit.status = answer.status ?? 0;
    if (submit.status !== 0) return session.send(pdu.response({ command_status: submit.status }));
    const next = this.#nextId++;
    submit.messageId = account.messageIds === 'hex' ? next.toString(16).toUpperCase() : String(next);
    if (account.beforeAnswer) await account.beforeAnswer(submit);
    session.send(pdu.response({ message_id: submit.messageId }));
  }

  /** The strict part: what SMPP 3.4 and GSM 03.40 say a submit_sm must look like. */
  #check(s: Submit) {
    const problem = (ok: boolean, what: string) => ok || this.problems.push(`${s.account} submit to ${s.destinationAddr}: ${what}`);
    problem(/^\d{7,15}$/.test(s.destinationAddr) && s.destinationAddr[0] !== '0', `destination_addr is not international digits: ${s.destinationAddr}`);
    problem(s.sourceTon === 1 && s.sourceNpi === 1 && /^\d+$/.test(s.sourceAddr), `source ${s.sourceTon}/${s.sourceNpi} ${s.sourceAddr} is not an international number`);
    problem(s.registeredDelivery === 1, `registered_delivery ${s.registeredDelivery}, not 1 (a receipt for every final state)`);
    problem([0, 3, 8].includes(s.dataCoding), `data_coding ${s.dataCoding}`);
    // GSM-7 travels unpacked (one septet per octet, up to 160 of them); other codings in the 140 octets of an SMS.
    problem(s.dataCoding === 0 || s.shortMessage.length <= 140, `short_message of ${s.shortMessage.length} octets`);
    problem(!(s.messagePayload && s.shortMessage.length), 'both short_message and message_payload');
    const udhi = (s.esmClass & 0x40) !== 0;
    problem((s.esmClass & ~0x40) === 0, `esm_class 0x${s.esmClass.toString(16)}`);
    const { text } = udhi ? splitUdh(s.shortMessage, (p) => problem(false, p)) : { text: s.shortMessage };
    if (s.dataCoding === 0) {
      problem(text.every((b) => b < 0x80), 'GSM-7 octets above 0x7F (septets must be unpacked, one per octet)');
      const udhSeptets = udhi ? Math.ceil(((s.shortMessage[0]! + 1) * 8) / 7) : 0;
      problem(udhSeptets + text.length <= 160, `${udhSeptets + text.length} septets in one SMS`);
    }
    if (s.dataCoding === 8) problem(text.length % 2 === 0, 'UCS-2 text of an odd number of octets');
    if (s.sar) problem(!udhi && s.sar.seq >= 1 && s.sar.seq <= s.sar.total, `SAR ${JSON.stringify(s.sar)}`);
  }
}

/** A UDH's concatenation element (8- or 16-bit reference) and the text after it. */
export function splitUdh(octets: Buffer, problem: (what: string) => void = () => undefined): { text: Buffer; concat: { ref: number; total: number; seq: number; refBits: 8 | 16 } | null } {
  const length = octets[0]!;
  const udh = octets.subarray(1, 1 + length);
  let concat: { ref: number; total: number; seq: number; refBits: 8 | 16 } | null = null;
  for (let i = 0; i < udh.length; ) {
    const [id, len] = [udh[i]!, udh[i + 1]!];
    const data = udh.subarray(i + 2, i + 2 + len);
    if (id === 0x00 && len === 3) concat = { ref: data[0]!, total: data[1]!, seq: data[2]!, refBits: 8 };
    else if (id === 0x08 && len === 4) concat = { ref: data.readUInt16BE(0), total: data[2]!, seq: data[3]!, refBits: 16 };
    else problem(`unexpected UDH element 0x${id.toString(16)} of ${len} octets`);
    i += 2 + len;
  }
  if (!concat || concat.seq < 1 || concat.seq > concat.total) problem(`UDH without a valid concatenation element: ${udh.toString('hex')}`);
  return { text: octets.subarray(1 + length), concat };
}

/** Text from octets per data_coding, with the package's own GSM 03.38 table (not Switchboard's). */
export function decodeText(octets: Buffer, dataCoding: number): string {
  if (dataCoding === 8) return Buffer.from(octets).swap16().toString('utf16le');
  if (dataCoding === 3) return octets.toString('latin1');
  return smpp.gsmCoder.decode(octets, 0);
}
