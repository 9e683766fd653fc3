import { describe, expect } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { messageWhen } from '../support/drivers.ts';
import { phone } from '../support/fixtures.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { decodeText, FakeSmsc, splitUdh, type Account } from '../support/providers/fake-smsc.ts';
import type { Receiver } from '../support/receiver.ts';
import { accepted, linkOf, sendSms, smppDevice, submitted, to, type SmppDevice } from '../support/smpp.ts';

const ESME_RMSGQFUL = 0x14;
const ESME_RX_T_APPN = 0x64;

const test = appTest().extend('smsc', { scope: 'file' }, server(() => FakeSmsc.start()));
let app: TestApp;
let smsc: FakeSmsc;
let receiver: Receiver;

test.beforeAll(async ({ app: a, smsc: f, receiver: r }) => {
  [app, smsc, receiver] = [a, f, r];
});

const send = (device: SmppDevice, recipient: string, text: string) => sendSms(app, device.ws, recipient, text);
const modeOf = (session: unknown) => (session as { mode: string }).mode;

/** A contact's one-part GSM text as the SMSC delivers it. */
const incoming = (device: SmppDevice, from: string, text: string) => ({
  source_addr: from.slice(1),
  destination_addr: device.address.slice(1),
  esm_class: 0,
  data_coding: 0,
  short_message: Buffer.from(text, 'ascii'),
});

// Two parts in GSM-7: 160 septets do not hold it.
const LONG_TEXT = 'A long text, sent in two parts, must reach the phone whole even when the link drops between them. '.repeat(3).slice(0, 250);

describe('the smpp link', () => {
  test('in bindMode transmitter-receiver, binds a transmitter and a receiver: texts go out on the one, receipts and incoming texts come in on the other', async () => {
    const device = await smppDevice(app, smsc, receiver, { bindMode: 'transmitter-receiver' });
    // Activation tries the transmitter bind alone; the link then binds both.
    expect(device.account.binds.map((b) => [b.mode, b.ok])).toEqual([
      ['transmitter', true],
      ['transmitter', true],
      ['receiver', true],
    ]);
    expect([...device.account.bound].map(modeOf).sort()).toEqual(['receiver', 'transmitter']);

    const recipient = phone();
    const id = await send(device, recipient, 'Over two binds');
    const [submit] = await submitted(device.account, 1, recipient);
    expect(modeOf(submit!.session)).toBe('transmitter');
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    // The fake SMSC sends deliver_sm on the receiver session only (the transmitter cannot take them).
    expect(await smsc.receipt(submit!, 'DELIVRD')).toBe(0);
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');

    const from = phone();
    expect(await smsc.deliver(device.account, incoming(device, from, 'Hello over the receiver'))).toBe(0);
    const [event] = await eventsOn(receiver, `/inbound/${device.ws.id}`, 1, (r) => r.json?.content === 'Hello over the receiver');
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE' });
    expect(smsc.problems).toEqual([]);
  });

  test('after the link drops between the parts of a long text, submits again only the part with no answer, with the same reference', async () => {
    const device = await smppDevice(app, smsc, receiver, { longMessage: 'udh8' });
    const [firstSession] = device.account.bound;
    const recipient = phone();
    // On the first connection the SMSC accepts part 1 and never answers part 2; after the drop it answers at once.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    device.account.answer = (s) => (s.session === firstSession && splitUdh(s.shortMessage).concat?.seq === 2 ? { hold: held } : undefined);
    const id = await send(device, recipient, LONG_TEXT);
    await submitted(device.account, 2, recipient);
    smsc.drop(device.account);
    release();

    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the drop', 40_000);
    const parts = device.account.submits.filter((s) => to(s) === recipient);
    const read = parts.map((p) => ({ ...splitUdh(p.shortMessage).concat!, firstLink: p.session === firstSession, status: p.status }));
    expect(read.map((r) => [r.seq, r.firstLink, r.status])).toEqual([
      [1, true, 0],
      [2, true, null],
      [2, false, 0],
    ]);
    expect(new Set(read.map((r) => r.ref)).size).toBe(1);
    const [one, , two] = parts;
    expect(decodeText(splitUdh(one!.shortMessage).text, 0) + decodeText(splitUdh(two!.shortMessage).text, 0)).toBe(LONG_TEXT);
    // Both accepted parts belong to the message: DELIVERED once both receipts are in.
    expect(await smsc.receipt(one!, 'DELIVRD')).toBe(0);
    expect(await smsc.receipt(two!, 'DELIVRD')).toBe(0);
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
    expect(smsc.problems).toEqual([]);
  });

  test('keeps a message QUEUED while the SMSC answers ESME_RMSGQFUL, then sends it once', async () => {
    const device = await smppDevice(app, smsc, receiver);
    let full = true;
    device.account.answer = () => (full ? { status: ESME_RMSGQFUL } : undefined);
    const recipient = phone();
    const id = await send(device, recipient, 'queue full');
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('smpp:0x00000014') });
    full = false;
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT once the queue has room', 40_000);
    expect(accepted(device.account, recipient)).toHaveLength(1);
  });

  test('matches receipts that write the id in hex to a submit_sm_resp that gave it in decimal (receiptIdFormat hex)', async () => {
    const device = await smppDevice(app, smsc, receiver, { receiptIdFormat: 'hex' });
    device.account.messageIds = 'decimal';
    device.account.receiptIds = 'hex';
    const recipient = phone();
    const id = await send(device, recipient, 'hex receipt');
    const [submit] = await submitted(device.account, 1, recipient);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(m.providerMessageId).toBe(submit!.messageId);
    expect(submit!.messageId).toMatch(/^\d+$/);
    expect(await smsc.receipt(submit!, 'DELIVRD')).toBe(0);
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
  });

  test('answers a deliver_sm it could not store with ESME_RX_T_APPN, and stores it once when the SMSC delivers it again', async () => {
    const device = await smppDevice(app, smsc, receiver);
    // The database refuses this device's inbound messages, as a full disk would.
    await rows(
      app,
      `CREATE FUNCTION smpp_links_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no space left on device'; END $$;
       CREATE TRIGGER smpp_links_refuse BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.device_id = '${device.id}') EXECUTE FUNCTION smpp_links_refuse();`,
    );
    const from = phone();
    const text = 'Stored before it is answered';
    try {
      expect(await smsc.deliver(device.account, incoming(device, from, text))).toBe(ESME_RX_T_APPN);
    } finally {
      await rows(app, 'DROP TRIGGER smpp_links_refuse ON messages; DROP FUNCTION smpp_links_refuse();');
    }
    expect(await rows(app, "SELECT count(*)::int AS n FROM messages WHERE direction = 'INBOUND' AND device_id = $1", [device.id])).toEqual([{ n: 0 }]);
    expect(await smsc.deliver(device.account, incoming(device, from, text))).toBe(0);
    await eventsOn(receiver, `/inbound/${device.ws.id}`, 1, (r) => r.json?.content === text);
    expect(await rows(app, "SELECT count(*)::int AS n FROM messages WHERE direction = 'INBOUND' AND device_id = $1", [device.id])).toEqual([{ n: 1 }]);
    expect((await linkOf(app, device.id)).link!.state).toBe('BOUND');
  });
});

describe('the smpp link at shutdown', () => {
  test('unbinds before the process stops', async () => {
    const own = await startTestApp();
    let account: Account;
    try {
      ({ account } = await smppDevice(own, smsc, receiver));
    } catch (error) {
      await own.stop();
      await own.dropDatabase();
      throw error;
    }
    // Activation's trial bind unbound once; the link is the one bound now.
    const before = account.unbinds;
    expect(account.bound.size).toBe(1);
    await own.stop();
    await own.dropDatabase();
    expect(account.unbinds - before).toBe(1);
    expect(account.bound.size).toBe(0);
    expect(smsc.problems).toEqual([]);
  });
});
