import { afterAll, beforeAll, describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, SECRET_KEY, type TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { createTestDatabase } from '../support/database.ts';
import { freePort } from '../support/ports.ts';
import { killAll, spawnNode, waitForReady, type Proc } from '../support/process.ts';
import { activateDriverDevice, createDriverDevice, driverDevice, messageWhen } from '../support/drivers.ts';
import { phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { decodeText, FakeSmsc, splitUdh } from '../support/providers/fake-smsc.ts';
import type { Receiver } from '../support/receiver.ts';
import { eventually } from '../support/wait.ts';
import { expectPaced } from '../support/pacing.ts';
import { accepted, linkOf, linkWhen, sendSms, smppDevice, submitted, to, type SmppDevice } from '../support/smpp.ts';

const SmppDeviceUpdate = graphql(`
  mutation SmppDeviceUpdate($input: DeviceUpdateInput!) {
    updateDevice(input: $input) {
      id
    }
  }
`);

const ESME_RINVDSTADR = 0x0b;
const ESME_RTHROTTLED = 0x58;

// Pacing is measured in wall-clock seconds: the workers on their own thread, as deployed, so the test's own work does not delay the link.
const test = appTest({ SWITCHBOARD_WORKER_THREAD: 'true' }).extend('smsc', { scope: 'file' }, server(() => FakeSmsc.start()));
let app: TestApp;
let smsc: FakeSmsc;
let receiver: Receiver;
/** For activation only: devices that send each have a workspace of their own (the webhook door picks the workspace's SMS device). */
let ws: Workspace;

test.beforeAll(async ({ app: a, receiver: r, smsc: f }) => {
  [app, receiver, smsc] = [a, r, f];
  ws = await workspace(app);
});

const send = (device: SmppDevice, recipient: string, message: string, messageId?: string) => sendSms(app, device.ws, recipient, message, messageId);

describe('the smpp driver', () => {
  test('binds once at activation with the right credentials, and answers the SMSC refusal for wrong ones', async () => {
    const { account, config } = smsc.account();
    const good = await createDriverDevice(app, ws, { driver: 'smpp', channel: 'SMS', address: phone(), config });
    expect((await activateDriverDevice(app, ws, good.id)).ok).toBe(true);
    expect(account.binds[0]).toMatchObject({ mode: 'transceiver', ok: true, interfaceVersion: 0x34 });

    const bad = await createDriverDevice(app, ws, { driver: 'smpp', channel: 'SMS', address: phone(), config: { ...config, password: 'wrong' } });
    const result = await activateDriverDevice(app, ws, bad.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('ESME_RINVPASWD');
    expect(result.error!.message).toContain('smpp:0x0000000E');
    expect(result.device).toMatchObject({ status: 'ERROR', lastError: expect.stringContaining('ESME_RINVPASWD') });
    expect(smsc.problems).toEqual([]);
  });

  test('sends a text: SENT with the SMSC id, then DELIVERED by its receipt, and the SMPP GET callback says DELIVRD', async () => {
    const device = await smppDevice(app, smsc, receiver);
    const recipient = phone();
    const callerId = 'smpp-code-1234';
    const id = await send(device, recipient, 'Your code is 1234 {ok} €5', callerId);
    const [submit] = await submitted(device.account, 1, recipient);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(m.providerMessageId).toBe(submit!.messageId);
    expect(submit).toMatchObject({ sourceAddr: device.address.slice(1), sourceTon: 1, sourceNpi: 1, registeredDelivery: 1, dataCoding: 0, esmClass: 0 });
    expect(decodeText(submit!.shortMessage, 0)).toBe('Your code is 1234 {ok} €5');

    expect(await smsc.receipt(submit!, 'DELIVRD')).toBe(0);
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'smpp:DELIVRD/err:000' });
    const [get] = await eventsOn(receiver, `/smpp/${device.ws.id}`, 1, (r) => r.query.message_id === callerId && r.query.status === 'DELIVRD');
    expect(get!.method).toBe('GET');
    expect(smsc.problems).toEqual([]);
  });

  test('makes an UNDELIV receipt UNDELIVERED with the raw code, matching receipts that write the hex id in decimal', async () => {
    const device = await smppDevice(app, smsc, receiver, { receiptIdFormat: 'decimal' });
    device.account.receiptIds = 'decimal';
    const recipient = phone();
    const id = await send(device, recipient, 'Will not arrive');
    const [submit] = await submitted(device.account, 1, recipient);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(await smsc.receipt(submit!, 'UNDELIV', '075', { tlvs: true })).toBe(0);
    const m = await messageWhen(app, id, (x) => x.status === 'UNDELIVERED', 'UNDELIVERED');
    expect(m).toMatchObject({ rawStatus: 'smpp:UNDELIV/err:075', errorCode: 'smpp:UNDELIV/err:075' });
  });

  test('fails a message the SMSC refuses for good with the raw command_status', async () => {
    const device = await smppDevice(app, smsc, receiver);
    const recipient = phone();
    device.account.answer = (s) => (to(s) === recipient ? { status: ESME_RINVDSTADR } : undefined);
    const id = await send(device, recipient, 'nope');
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED');
    expect(m).toMatchObject({ errorCode: 'smpp:0x0000000B' });
    expect(m.error).toContain('ESME_RINVDSTADR');
  });

  // A € (two septets) where the first part ends: it must move whole to the second part.
  const GSM_300 = `${'a'.repeat(152)}€${'Long texts reach the phone as one message. '.repeat(4)}`.slice(0, 300);
  const UCS2_100 = `Привет, мир! 😀 ${'Ж'.repeat(100)}`.slice(0, 100);

  test.each(['udh8', 'udh16', 'sar'] as const)('sends a 300-character GSM text and a 100-character UCS-2 text as concatenated parts (%s)', async (longMessage) => {
    const device = await smppDevice(app, smsc, receiver, { longMessage });
    const texts = [
      [GSM_300, 0],
      [UCS2_100, 8],
    ] as const;
    for (const [text, dataCoding] of texts) {
      const recipient = phone();
      const id = await send(device, recipient, text);
      await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
      const parts = device.account.submits.filter((s) => to(s) === recipient);
      expect(parts).toHaveLength(2);
      const read = parts.map((p) => {
        expect(p.dataCoding).toBe(dataCoding);
        if (longMessage === 'sar') {
          expect(p.esmClass).toBe(0);
          return { ...p.sar!, text: p.shortMessage };
        }
        expect(p.esmClass).toBe(0x40);
        expect(p.shortMessage.subarray(0, 3)).toEqual(Buffer.from(longMessage === 'udh8' ? [0x05, 0x00, 0x03] : [0x06, 0x08, 0x04]));
        const { text: body, concat } = splitUdh(p.shortMessage);
        return { ...concat!, text: body };
      });
      expect(read.map((r) => [r.total, r.seq])).toEqual([
        [2, 1],
        [2, 2],
      ]);
      expect(read[0]!.ref).toBe(read[1]!.ref);
      // Each part decodes on its own (no character split across parts), and together they are the text.
      expect(read.map((r) => decodeText(r.text, dataCoding)).join('')).toBe(text);
      // One receipt per part: DELIVERED once every part is.
      expect(await smsc.receipt(parts[0]!, 'DELIVRD')).toBe(0);
      expect((await messageWhen(app, id, () => true, 'read')).status).toBe('SENT');
      await smsc.receipt(parts[1]!, 'DELIVRD');
      await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
    }
    expect(smsc.problems).toEqual([]);
  });

  test('sends a long text whole in message_payload when the config says payload', async () => {
    const device = await smppDevice(app, smsc, receiver, { longMessage: 'payload' });
    const recipient = phone();
    const id = await send(device, recipient, GSM_300);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [submit, ...more] = device.account.submits.filter((s) => to(s) === recipient);
    expect(more).toEqual([]);
    expect(submit!.shortMessage).toHaveLength(0);
    expect(decodeText(submit!.messagePayload!, 0)).toBe(GSM_300);
  });

  test('takes a concatenated incoming SMS to the CRM as one INCOMING_MESSAGE', async () => {
    const device = await smppDevice(app, smsc, receiver);
    const from = phone();
    const text = `${'Hello from a phone, '.repeat(8)}and the end.`;
    const gsm = (s: string) => Buffer.from([...s].map((c) => c.charCodeAt(0)));
    const halves = [text.slice(0, 150), text.slice(150)];
    for (const [i, half] of halves.entries()) {
      const status = await smsc.deliver(device.account, {
        source_addr: from.slice(1),
        destination_addr: device.address.slice(1),
        esm_class: 0x40,
        data_coding: 0,
        short_message: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, 0x2a, 2, i + 1]), gsm(half)]),
      });
      expect(status).toBe(0);
    }
    const [event] = await eventsOn(receiver, `/inbound/${device.ws.id}`, 1, (r) => r.json?.content === text);
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: text });
    expect(await rows(app, "SELECT count(*)::int AS n FROM messages WHERE direction = 'INBOUND' AND device_id = $1", [device.id])).toEqual([{ n: 1 }]);
    expect(await rows(app, 'SELECT count(*)::int AS n FROM smpp_inbound_parts WHERE device_id = $1', [device.id])).toEqual([{ n: 0 }]);
  });

  test('keeps throttled messages QUEUED while the SMSC answers ESME_RTHROTTLED, then sends each once', async () => {
    const device = await smppDevice(app, smsc, receiver);
    let throttling = true;
    device.account.answer = () => (throttling ? { status: ESME_RTHROTTLED } : undefined);
    const recipients = [phone(), phone(), phone()];
    const ids = await Promise.all(recipients.map((r, i) => send(device, r, `throttled ${i}`)));
    for (const id of ids) {
      const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
      expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('smpp:0x00000058') });
    }
    throttling = false;
    for (const id of ids) await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the throttling', 40_000);
    for (const r of recipients) expect(accepted(device.account, r)).toHaveLength(1);
  });

  test('after the SMSC drops the link with a full window, reconnects and sends again only what had no answer', async () => {
    const device = await smppDevice(app, smsc, receiver, { window: 4 });
    const [firstSession] = device.account.bound;
    // On the first connection the SMSC answers only when the test says so; after the drop, at once.
    const answerLater = new Map<string, () => void>();
    device.account.answer = (s) => (s.session === firstSession ? { hold: new Promise<void>((r) => answerLater.set(to(s), r)) } : undefined);
    const recipients = [phone(), phone(), phone(), phone(), phone(), phone()];
    const ids = await Promise.all(recipients.map((r, i) => send(device, r, `window ${i}`)));
    // The window is full: four submits wait for their answers, the other two messages wait to be submitted.
    const first = await submitted(device.account, 4);
    const answered = first.slice(0, 2).map(to);
    for (const r of answered) answerLater.get(r)!();
    for (const r of answered) await messageWhen(app, ids[recipients.indexOf(r)]!, (x) => x.status === 'SENT', 'SENT before the drop');
    await submitted(device.account, 6);
    smsc.drop(device.account);

    for (const id of ids) await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the drop', 40_000);
    for (const r of recipients) expect(accepted(device.account, r), r).toHaveLength(1);
    // What the SMSC had answered before the drop was not submitted again.
    for (const r of answered) expect(device.account.submits.filter((s) => to(s) === r)).toHaveLength(1);
    expect((await linkOf(app, device.id)).link!.lastError).toContain('closed the connection');
    expect(smsc.problems).toEqual([]);
  });

  test('resets a link whose SMSC stops answering enquire_link, and binds again', async () => {
    const device = await smppDevice(app, smsc, receiver, { enquireLinkSeconds: 1 });
    device.account.silent = true;
    const down = await linkWhen(app, device.id, (l) => l?.lastError?.includes('enquire_link') ?? false, 'reset for silence');
    expect(down.link!.lastError).toContain('did not answer enquire_link');
    device.account.silent = false;
    await linkWhen(app, device.id, (l) => l?.state === 'BOUND', 'BOUND again');
    expect(device.account.binds.filter((b) => b.ok).length).toBeGreaterThanOrEqual(3);
  });

  test('applies a receipt that arrives before the submit_sm_resp', async () => {
    const device = await smppDevice(app, smsc, receiver);
    const recipient = phone();
    let receipt: Promise<number> | null = null;
    device.account.beforeAnswer = async (s) => {
      if (to(s) !== recipient) return;
      receipt = smsc.receipt(s, 'DELIVRD');
      await receipt;
    };
    const id = await send(device, recipient, 'fast receipt');
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
    expect(await receipt!).toBe(0);
  });

  test('submits at most maxPerSecond in any second', async () => {
    const limit = 3;
    const device = await smppDevice(app, smsc, receiver, { maxPerSecond: limit });
    const total = 12;
    const postedFrom = Date.now();
    const ids = await Promise.all(Array.from({ length: total }, (_, i) => send(device, phone(), `paced ${i}`)));
    for (const id of ids) await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT', 40_000);
    const times = device.account.submits.map((s) => s.at).sort((a, b) => a - b);
    expect(times).toHaveLength(total);
    expectPaced(times, postedFrom, limit, 'sliding');
  });

  test('stops binding when the SMSC refuses the credentials, marks the device, and binds again once they are updated', async () => {
    const device = await smppDevice(app, smsc, receiver);
    device.account.password = 'rotated1';
    smsc.drop(device.account);
    const stopped = await linkWhen(app, device.id, (l) => l?.state === 'STOPPED', 'STOPPED');
    expect(stopped.link!.lastError).toContain('ESME_RINVPASWD');
    expect(stopped.lastError).toContain('ESME_RINVPASWD');
    expect(stopped.lastErrorAt).not.toBeNull();
    const refused = device.account.binds.filter((b) => !b.ok).length;
    expect(await rows(app, 'SELECT refused_version IS NOT NULL AS refused FROM device_links WHERE device_id = $1', [device.id])).toEqual([{ refused: true }]);

    await ok(app.url, SmppDeviceUpdate, { input: { id: device.id, config: { password: 'rotated1' } } }, { key: device.ws.key });
    await linkWhen(app, device.id, (l) => l?.state === 'BOUND', 'BOUND with the new password');
    expect(device.account.binds.filter((b) => !b.ok)).toHaveLength(refused);
  });

  test('shows the link in GraphQL, with its holder for admin keys only', async () => {
    const device = await smppDevice(app, smsc, receiver);
    const admin = await linkOf(app, device.id);
    expect(admin.link).toMatchObject({ state: 'BOUND', inFlight: 0, holder: expect.stringMatching(/\/\d+$/) });
    expect((await linkOf(app, device.id, device.ws.key)).link!.holder).toBeNull();
  });
});

describe('the smpp link across worker processes', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeSmsc;
  const procs: { proc: Proc; url: string }[] = [];
  beforeAll(async () => {
    [db, fake] = await Promise.all([createTestDatabase(), FakeSmsc.start()]);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const env = { DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', SWITCHBOARD_ADMIN_KEY: ADMIN_KEY, SWITCHBOARD_SECRET_KEY: SECRET_KEY, LOG_LEVEL: 'warn' };
      const proc = spawnNode({ ...env, SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true' });
      procs.push({ proc, url: `http://127.0.0.1:${port}` });
      await waitForReady(proc, procs[i]!.url);
    }
  });
  afterAll(async () => {
    await killAll();
    await fake?.stop();
    await db?.drop();
  });

  test("binds from one process at a time, and a SIGKILLed holder's link moves to the other within seconds", async () => {
    const first = { url: procs[0]!.url } as TestApp;
    const space = await workspace(first);
    const { account, config } = fake.account();
    const device = await driverDevice(first, space, { driver: 'smpp', channel: 'SMS', address: phone(), config });
    const holderOf = async () => (await linkOf(first, device.id)).link;
    const bound = await eventually(holderOf, (l) => l?.state === 'BOUND', 'the link BOUND');
    const holder = procs.find((p) => bound!.holder!.endsWith(`/${p.proc.pid}`))!;
    const survivor = procs.find((p) => p !== holder)!;
    const bindsBefore = account.binds.filter((b) => b.ok).length;

    holder.proc.kill();
    const killedAt = Date.now();
    await eventually(async () => account.binds.filter((b) => b.ok).length, (k) => k > bindsBefore, 'a bind from the other process', 30_000);
    // The lease (an advisory lock) drops with the dead process's connection; the other process looks
    // every 2 s. 15 s leaves room for a loaded machine while still meaning "within seconds".
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(account.maxBound).toBe(1);
    const moved = await eventually(
      async () => (await linkOf(survivor, device.id)).link,
      (l) => l?.state === 'BOUND' && l.holder!.endsWith(`/${survivor.proc.pid}`),
      'the link BOUND in the survivor',
    );
    expect(moved!.holder).not.toBe(bound!.holder);

    const recipient = phone();
    const res = await postWebhook({ url: survivor.url } as TestApp, { location_id: space.locationId, phone: recipient, message: 'after the takeover', message_id: 'takeover-1', channel: 'sms' }, space.key);
    await messageWhen({ url: survivor.url } as TestApp, res.body.messageId, (m) => m.status === 'SENT', 'SENT through the new holder');
    expect(account.submits.filter((s) => to(s) === recipient)).toHaveLength(1);
    expect(account.maxBound).toBe(1);
  });
});
