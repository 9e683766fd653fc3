import { describeError } from '../log.ts';
import type { DriverDevice } from '../channels/driver.ts';
import type { LinkContext, OpenLink } from './link-types.ts';
import { NotNowError } from '../channels/driver-errors.ts';
import { SmppSender } from './smpp-sender.ts';
import type { SmppConfig } from '../channels/smpp/smpp-driver.ts';
import { storeDeliveries } from './smpp-deliveries.ts';
import { bind, ESME, unbind, type Pdu, type Session } from '../channels/smpp/smpp-session.ts';

/** A submit_sm unanswered this long means the SMSC lost it: the link is reset (Kannel's wait-ack default). */
const SUBMIT_TIMEOUT_MS = 60_000;
/** deliver_sm PDUs stored per transaction. */
const DELIVERIES_PER_BATCH = 100;

/** Binds per the device's bind mode: one transceiver session, or a transmitter and a receiver. */
export async function openSmppLink(device: DriverDevice<SmppConfig>, ctx: LinkContext): Promise<OpenLink> {
  const c = device.config;
  if (c.bindMode === 'transceiver') {
    const session = await bind(c, 'transceiver');
    return new SmppLink(device, ctx, session, session);
  }
  const tx = await bind(c, 'transmitter');
  try {
    return new SmppLink(device, ctx, tx, await bind(c, 'receiver'));
  } catch (error) {
    await unbind(tx);
    throw error;
  }
}

type Outstanding = { at: number; fail: (error: Error) => void };

/**
 * A bound SMPP link: keeps it alive with enquire_link (an SMSC silent for a whole interval resets
 * it), submits the device's messages within the window (SmppSender), stores deliver_sm (receipts
 * and contacts' messages) before answering them, and answers enquire_link and unbind.
 */
class SmppLink implements OpenLink {
  readonly ended: Promise<Error>;
  readonly #device: DriverDevice<SmppConfig>;
  readonly #ctx: LinkContext;
  readonly #tx: Session;
  readonly #sessions: Session[];
  readonly #outstanding = new Set<Outstanding>();
  readonly #sender: SmppSender;
  readonly #deliveries: { session: Session; pdu: Pdu }[] = [];
  #storing: Promise<void> | null = null;
  #timer: NodeJS.Timeout;
  #unanswered = new Map<Session, number>();
  #end!: (error: Error) => void;
  #done = false;

  constructor(device: DriverDevice<SmppConfig>, ctx: LinkContext, tx: Session, rx: Session) {
    this.#device = device;
    this.#ctx = ctx;
    this.#tx = tx;
    this.#sessions = [...new Set([tx, rx])];
    const ended = new Promise<Error>((resolve) => (this.#end = resolve));
    this.ended = ended;
    for (const session of this.#sessions) this.#watch(session);
    rx.on('deliver_sm', (pdu: Pdu) => this.#received(rx, pdu));
    this.#timer = setInterval(() => this.#checkAlive(), device.config.enquireLinkSeconds * 1000);
    this.#sender = new SmppSender(ctx.rt, device, ctx, (fields) => this.#submit(fields));
    this.#sender.start();
  }

  inFlight(): number {
    return this.#outstanding.size;
  }

  async close(deadline: number): Promise<void> {
    if (this.#done) return;
    await this.#sender.stop(deadline);
    await this.#storing;
    this.#done = true;
    clearInterval(this.#timer);
    await Promise.all(this.#sessions.map(unbind));
    this.#failOutstanding(new NotNowError('smpp:link-down', 'the link was closed'));
    await this.#sender.drained();
    this.#end(new Error('closed'));
  }

  #watch(session: Session) {
    session.on('error', (error) => void this.#drop(new Error(`the SMPP connection failed: ${error.message}`)));
    session.on('close', () => void this.#drop(new Error('the SMSC closed the connection')));
    session.on('pdu', () => this.#unanswered.delete(session));
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      void this.#drop(new Error('the SMSC unbound the link'));
    });
    session.on('generic_nack', () => undefined);
  }

  /** Each interval: an SMSC that said nothing since the last enquire_link, or sits on a submit, resets the link. */
  #checkAlive() {
    const seconds = this.#device.config.enquireLinkSeconds;
    for (const session of this.#sessions) {
      if (this.#unanswered.has(session)) return void this.#drop(new Error(`the SMSC did not answer enquire_link within ${seconds} s`));
    }
    const oldest = Math.min(...[...this.#outstanding].map((o) => o.at));
    if (Date.now() - oldest > SUBMIT_TIMEOUT_MS) return void this.#drop(new Error(`the SMSC did not answer a submit_sm within ${SUBMIT_TIMEOUT_MS / 1000} s`));
    for (const session of this.#sessions) {
      this.#unanswered.set(session, Date.now());
      session.enquire_link({});
    }
  }

  /** The link is gone: what awaited an answer is "not now" (sent again where no answer came), and the link ends once its outcomes are recorded. */
  async #drop(reason: Error) {
    if (this.#done) return;
    this.#done = true;
    clearInterval(this.#timer);
    for (const session of this.#sessions) session.destroy();
    this.#failOutstanding(new NotNowError('smpp:link-down', `${reason.message}; it is sent again once the link is back`));
    await this.#sender.stop(Date.now());
    await this.#sender.drained();
    await this.#storing;
    this.#end(reason);
  }

  #failOutstanding(error: Error) {
    for (const o of this.#outstanding) o.fail(error);
    this.#outstanding.clear();
  }

  #submit(fields: Record<string, unknown>): Promise<Pdu> {
    return new Promise<Pdu>((resolve, reject) => {
      if (this.#done) return reject(new NotNowError('smpp:link-down', 'the link is down'));
      const entry: Outstanding = { at: Date.now(), fail: reject };
      this.#outstanding.add(entry);
      const sent = this.#tx.submit_sm(fields, (response: Pdu) => {
        if (!this.#outstanding.delete(entry)) return;
        resolve(response);
      });
      if (!sent) {
        this.#outstanding.delete(entry);
        reject(new NotNowError('smpp:link-down', 'the SMPP connection is not writable'));
      }
    });
  }

  #received(session: Session, pdu: Pdu) {
    this.#deliveries.push({ session, pdu });
    this.#storing ??= this.#storeDeliveries().finally(() => (this.#storing = null));
  }

  /** Stores what arrived (in batches), then answers it: ROK once stored, a temporary error (the SMSC delivers it again) when storing failed. */
  async #storeDeliveries() {
    while (this.#deliveries.length) {
      const batch = this.#deliveries.splice(0, DELIVERIES_PER_BATCH);
      let status = ESME.ROK;
      try {
        await storeDeliveries(this.#ctx.rt, this.#device, batch.map((d) => d.pdu));
      } catch (error) {
        this.#ctx.rt.log.error({ err: describeError(error), deviceId: this.#device.id }, 'storing SMPP deliveries failed; the SMSC will deliver them again');
        status = ESME.RX_T_APPN;
      }
      for (const { session, pdu } of batch) session.send(pdu.response({ command_status: status }));
    }
  }
}
