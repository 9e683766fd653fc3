import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { describeError } from '../log.ts';
import { recordSendOutcome, type QueuedSend } from '../messages/send-messages.ts';
import { DUE_TOLERANCE_MS } from '../messages/send-policy.ts';
import type { Runtime } from '../runtime.ts';
import { BatchHost } from '../messages/driver-host.ts';
import { type DriverDevice, type SendReceipt } from '../channels/driver.ts';
import { DriverError, NotNowError } from '../channels/driver-errors.ts';
import type { LinkContext } from './link-types.ts';
import { reserveSends } from '../channels/pacing.ts';
import { receiptKey } from '../channels/smpp/receipts.ts';
import { submitParts } from '../channels/smpp/short-message.ts';
import type { SmppConfig } from '../channels/smpp/smpp-driver.ts';
import { applyPartReceipts, storeSentParts } from './smpp-parts.ts';
import { ESME, statusCode, statusName, type Pdu } from '../channels/smpp/smpp-session.ts';

/** With nothing due, the link looks again this often (a queued send also wakes it at once). */
const POLL_MS = 1_000;
/** After ESME_RTHROTTLED the link submits nothing for this long (Kannel's throttling sleep). */
const THROTTLED_PAUSE_MS = 1_000;
const REGISTERED_DELIVERY_FINAL = 0x01;

type Row = QueuedSend & { to: string; content: string | null; attachments: string[] };
type Outcome = { receipt: SendReceipt; keys: string[] } | { error: unknown } | { later: { at: Date; reason: string } };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Sends a device's queued messages over its bound link: takes due messages from PostgreSQL (this
 * process holds the device, so no other sends them), at most `window` submit_sm awaiting an answer
 * and at most `maxPerSecond` submit_sm in any second, and records each outcome (SENT with the
 * SMSC's id, FAILED, or "not now") in batches. A message stays claimed until its outcome is stored.
 *
 * Parts of a long text accepted by the SMSC are remembered (in the device's link memory): after a
 * drop only the parts with no answer are submitted again, with the same concatenation reference.
 */
export class SmppSender {
  readonly #rt: Runtime;
  readonly #device: DriverDevice<SmppConfig>;
  readonly #submit: (fields: Record<string, unknown>) => Promise<Pdu>;
  readonly #claimed: Set<string>;
  readonly #accepted: Map<string, (string | null)[]>;
  readonly #active = new Set<Promise<void>>();
  readonly #throughput: Throughput;
  readonly #unwake: () => void;
  #running = false;
  #loop: Promise<void> = Promise.resolve();
  #wake: (() => void) | null = null;
  #pending: { row: Row; outcome: Outcome }[] = [];
  #recording: Promise<void> | null = null;

  constructor(rt: Runtime, device: DriverDevice<SmppConfig>, ctx: LinkContext, submit: (fields: Record<string, unknown>) => Promise<Pdu>) {
    this.#rt = rt;
    this.#device = device;
    this.#submit = submit;
    this.#claimed = remembered(ctx.memory, 'claimed', () => new Set<string>());
    this.#accepted = remembered(ctx.memory, 'accepted', () => new Map<string, (string | null)[]>());
    this.#throughput = new Throughput(device.config.maxPerSecond);
    this.#unwake = ctx.onWake(() => this.#wakeUp());
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Takes no more messages, and waits (until the deadline) for those being sent. */
  async stop(deadline: number): Promise<void> {
    this.#running = false;
    this.#unwake();
    this.#wakeUp();
    await this.#loop;
    await Promise.race([Promise.all(this.#active), sleep(Math.max(0, deadline - Date.now()))]);
  }

  /** Resolves once every outcome so far is stored. */
  async drained(): Promise<void> {
    await Promise.all(this.#active);
    while (this.#recording) await this.#recording;
  }

  #wakeUp() {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #nap(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#wakeUp(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #run() {
    const c = this.#device.config;
    while (this.#running) {
      const room = c.window - this.#active.size;
      if (room <= 0) {
        await this.#nap(POLL_MS);
        continue;
      }
      try {
        const rows = await this.#claim(room);
        if (!rows.length) {
          await this.#nap(POLL_MS);
          continue;
        }
        // Sending hours and a per-minute cap as every driver has them; the per-second cap is the link's own (per submit_sm).
        const pacing = await reserveSends(pgSql(this.#rt.pool), this.#device.id, { ...c, maxPerSecond: undefined }, rows.length);
        for (const row of rows.slice(pacing.granted)) this.#record(row, { later: pacing.later! });
        for (const row of rows.slice(0, pacing.granted)) {
          const sending: Promise<void> = this.#send(row).finally(() => {
            this.#active.delete(sending);
            this.#wakeUp();
          });
          this.#active.add(sending);
        }
      } catch (error) {
        this.#rt.log.error({ err: describeError(error), deviceId: this.#device.id }, 'taking SMPP messages to send failed');
        await this.#nap(POLL_MS);
      }
    }
  }

  async #claim(limit: number): Promise<Row[]> {
    const { rows } = await this.#rt.pool.query<Row>(
      `SELECT m.id AS "messageId", cl.phone AS "to", m.content, m.attachments, m.send_attempts AS "sendAttempts", m.retrying_since AS "retryingSince"
         FROM messages m JOIN clients cl ON cl.id = m.client_id
        WHERE m.device_id = $1 AND m.status = 'QUEUED' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= $2) AND m.id <> ALL($3::uuid[])
        ORDER BY m.created_at LIMIT $4`,
      [this.#device.id, new Date(Date.now() + DUE_TOLERANCE_MS), [...this.#claimed], limit],
    );
    for (const row of rows) this.#claimed.add(row.messageId);
    return rows;
  }

  /** Submits a message's parts not yet accepted, one after another; records SENT once all are. */
  async #send(row: Row): Promise<void> {
    const c = this.#device.config;
    try {
      if (!row.content) throw new DriverError('smpp:no-text', 'SMPP sends text: this message has none');
      if (row.attachments.length) throw new DriverError('smpp:attachments', 'SMPP carries text only: put links to media in the text');
      const { dataCoding, parts } = encode(row, c);
      const ids = this.#accepted.get(row.messageId) ?? parts.map(() => null);
      for (const [i, part] of parts.entries()) {
        if (ids[i]) continue;
        await this.#throughput.take();
        if (!this.#running) throw new NotNowError('smpp:link-down', 'the link is closing; it is sent again once the link is back');
        const answer = await this.#submit({
          ...addresses(this.#device.address, row.to, c),
          esm_class: part.esmClass,
          registered_delivery: REGISTERED_DELIVERY_FINAL,
          data_coding: dataCoding,
          short_message: part.shortMessage,
          ...part.tlvs,
        });
        const status = answer.command_status;
        if (status === ESME.ROK) {
          ids[i] = String(answer.message_id ?? '');
          this.#accepted.set(row.messageId, ids);
          continue;
        }
        if (status === ESME.RTHROTTLED) this.#throughput.pause(THROTTLED_PAUSE_MS);
        if (status === ESME.RTHROTTLED || status === ESME.RMSGQFUL) throw new NotNowError(statusCode(status), `the SMSC answered ${statusName(status)}`);
        throw new DriverError(statusCode(status), `the SMSC refused the message: ${statusName(status)}`);
      }
      this.#accepted.delete(row.messageId);
      const keys = ids.map((id) => receiptKey(id!, 'submitted', c.receiptIdFormat));
      this.#record(row, { receipt: { providerMessageId: ids[0]!, rawStatus: 'smpp:ESME_ROK' }, keys });
    } catch (error) {
      if (!(error instanceof NotNowError)) this.#accepted.delete(row.messageId);
      this.#record(row, { error });
    }
  }

  #record(row: Row, outcome: Outcome) {
    this.#pending.push({ row, outcome });
    this.#recording ??= this.#recordPending();
  }

  /** Stores outcomes in batches, one transaction each; a failed write is tried again (the SMSC has those messages). */
  async #recordPending() {
    try {
      for (let failures = 0; this.#pending.length; ) {
        const batch = this.#pending.slice();
        try {
          await recordOutcomes(this.#rt, this.#device, batch);
        } catch (error) {
          this.#rt.log.error({ err: describeError(error), deviceId: this.#device.id }, 'recording SMPP send outcomes failed; trying again');
          await sleep(Math.min(30_000, 1_000 * ++failures));
          continue;
        }
        this.#pending.splice(0, batch.length);
        for (const { row } of batch) this.#claimed.delete(row.messageId);
      }
    } finally {
      this.#recording = null;
    }
  }
}

async function recordOutcomes(rt: Runtime, device: DriverDevice<SmppConfig>, batch: { row: Row; outcome: Outcome }[]): Promise<void> {
  const host = new BatchHost();
  const now = new Date();
  const sending = { id: device.id, driver: { name: 'smpp' }, config: device.config };
  for (const { row, outcome } of batch) {
    if ('later' in outcome) host.requeues.push({ messageId: row.messageId, at: outcome.later.at, reason: outcome.later.reason, notNow: false });
    else recordSendOutcome(rt, host, sending, row, now, outcome);
  }
  const sent = batch.flatMap(({ row, outcome }) => ('keys' in outcome ? [{ messageId: row.messageId, keys: outcome.keys }] : []));
  await inTransaction(rt.pool, async (client) => {
    const sql = pgSql(client);
    await host.flush(sql, rt.boss, rt.media);
    await applyPartReceipts(sql, rt.boss, device.id, await storeSentParts(sql, device.id, sent));
  });
}

function encode(row: Row, c: SmppConfig) {
  try {
    // The message id's last 16 bits: the same message gets the same reference when it is sent again.
    return submitParts(row.content!, c, Number.parseInt(row.messageId.replaceAll('-', '').slice(-4), 16));
  } catch (error) {
    throw new DriverError('smpp:too-long', (error as Error).message);
  }
}

/** Sender and recipient with their TON/NPI: the config's, else read from the sender address. */
function addresses(from: string, to: string, c: SmppConfig) {
  const e164 = /^\+\d+$/.test(from);
  const digits = /^\d+$/.test(from);
  return {
    source_addr_ton: c.sourceTon ?? (e164 ? 1 : digits ? 0 : 5),
    source_addr_npi: c.sourceNpi ?? (e164 || digits ? 1 : 0),
    source_addr: e164 ? from.slice(1) : from,
    dest_addr_ton: c.destTon,
    dest_addr_npi: c.destNpi,
    destination_addr: to.replace(/^\+/, ''),
  };
}

function remembered<T>(memory: Map<string, unknown>, key: string, create: () => T): T {
  if (!memory.has(key)) memory.set(key, create());
  return memory.get(key) as T;
}

/** At most `perSecond` submits in any second (a sliding window), one caller at a time. */
class Throughput {
  readonly #perSecond: number | undefined;
  readonly #times: number[] = [];
  #pausedUntil = 0;
  #turn: Promise<void> = Promise.resolve();

  constructor(perSecond: number | undefined) {
    this.#perSecond = perSecond;
  }

  take(): Promise<void> {
    const mine = this.#turn.then(() => this.#wait());
    this.#turn = mine;
    return mine;
  }

  pause(ms: number) {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  async #wait() {
    for (;;) {
      const now = Date.now();
      while (this.#times.length && now - this.#times[0]! >= 1_000) this.#times.shift();
      const full = this.#perSecond !== undefined && this.#times.length >= this.#perSecond;
      const until = Math.max(this.#pausedUntil, full ? this.#times[0]! + 1_000 : 0);
      if (until <= now) {
        this.#times.push(now);
        return;
      }
      await sleep(until - now);
    }
  }
}
