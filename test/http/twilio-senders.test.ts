import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone } from '../support/fixtures.ts';
import { messageOf, messageReaches, rows } from '../support/messaging.ts';
import { asWorkspace, messageIdOf, restError, twilioAccount, twilioClient, type TwilioAccount } from '../support/twilio-client.ts';

const test = appTest();
let app: TestApp;
let account: TwilioAccount;
let client: ReturnType<typeof twilioClient>;
let sms: { id: string; address: string };
let whatsapp: { id: string; address: string };

const messagingServiceSid = `MG${'ab'.repeat(16)}`;

/** The messages of the account, to show a refused request stored nothing. */
const storedMessages = () => rows<{ id: string }>(app, 'SELECT id FROM messages WHERE workspace_id = $1 ORDER BY id', [account.id]);

test.beforeAll(async ({ app: started }) => {
  app = started;
  account = await twilioAccount(app);
  client = twilioClient(app, account.accountSid, account.key);
  sms = await device(app, asWorkspace(account));
  whatsapp = await device(app, asWorkspace(account), { channel: 'WHATSAPP' });
});

describe('MessagingServiceSid: the account’s device for the channel sends, as Twilio’s service picks a sender from its pool', () => {
  test('sends an SMS from the account’s SMS device, and a whatsapp: message from its WhatsApp device', async () => {
    const to = phone();
    const m = await client.messages.create({ to, messagingServiceSid, body: 'Through a Messaging Service' });
    expect(m).toMatchObject({ to, from: sms.address, messagingServiceSid: null, status: 'queued' });
    const sent = await messageReaches(app, messageIdOf(m.sid), 'DELIVERED');
    expect(sent).toMatchObject({ deviceId: sms.id, channel: 'SMS', content: 'Through a Messaging Service' });

    const onWhatsapp = await client.messages.create({ to: `whatsapp:${phone()}`, messagingServiceSid, body: 'On WhatsApp' });
    expect(onWhatsapp.from).toBe(`whatsapp:${whatsapp.address}`);
    expect(await messageOf(app, messageIdOf(onWhatsapp.sid))).toMatchObject({ deviceId: whatsapp.id, channel: 'WHATSAPP' });
  });

  test('answers 21704 when the account has no device for the channel of To, and 21603 for the same request without MessagingServiceSid; nothing is stored', async () => {
    const before = await storedMessages();
    const to = `rcs:${phone()}`;
    const withService = await restError(client.messages.create({ to, messagingServiceSid, body: 'No RCS device' }));
    expect(withService).toMatchObject({ status: 400, code: 21704 });
    expect(withService.message).toMatch(/rcs/i);
    expect(await restError(client.messages.create({ to, body: 'No RCS device' }))).toMatchObject({ status: 400, code: 21603 });
    expect(await storedMessages()).toEqual(before);
  });
});

describe('refusals a Twilio app can tell apart by their code, each storing nothing', () => {
  test('21212 for a From that is no address; 21910 for From and To on different channels', async () => {
    const before = await storedMessages();
    const badFrom = await restError(client.messages.create({ to: phone(), from: 'fax:+14155550100', body: 'x' }));
    expect(badFrom).toMatchObject({ status: 400, code: 21212 });
    expect(badFrom.message).toContain('fax:+14155550100');
    expect(await restError(client.messages.create({ to: phone(), from: 'whatsapp:', body: 'x' }))).toMatchObject({ status: 400, code: 21212 });

    const mismatch = await restError(client.messages.create({ to: phone(), from: `whatsapp:${whatsapp.address}`, body: 'x' }));
    expect(mismatch).toMatchObject({ status: 400, code: 21910 });
    expect(mismatch.message).toMatch(/whatsapp.*sms/i);
    expect(await storedMessages()).toEqual(before);
  });

  test('21623 for more than 10 MediaUrl, naming the limit; 10 are accepted', async () => {
    const before = await storedMessages();
    const urls = Array.from({ length: 11 }, (_, i) => `https://example.com/pictures/${i}.png`);
    const tooMany = await restError(client.messages.create({ to: phone(), mediaUrl: urls }));
    expect(tooMany).toMatchObject({ status: 400, code: 21623 });
    expect(tooMany.message).toMatch(/MediaUrl.*10.*11/);
    expect(await storedMessages()).toEqual(before);
    expect((await client.messages.create({ to: phone(), mediaUrl: urls.slice(0, 10) })).numMedia).toBe('10');
  });

  test('63016 for free-form WhatsApp text to a contact who never wrote, at once and with nothing stored', async () => {
    const strict = await twilioAccount(app);
    // This device enforces WhatsApp's 24-hour window, as WhatsApp does.
    const wa = await device(app, asWorkspace(strict), { channel: 'WHATSAPP', config: { deliveredAfterMs: 0, readAfterMs: 0, enforceSessionWindow: true } });
    const strictClient = twilioClient(app, strict.accountSid, strict.key);
    const outside = await restError(strictClient.messages.create({ to: `whatsapp:${phone()}`, from: `whatsapp:${wa.address}`, body: 'Hello?' }));
    expect(outside).toMatchObject({ status: 400, code: 63016 });
    expect(outside.message).toMatch(/24 hours/);
    expect(await rows(app, 'SELECT id FROM messages WHERE workspace_id = $1', [strict.id])).toEqual([]);
  });

  test('30400 for a Body other than "" or a Status other than canceled on an existing message, which stays as it was', async () => {
    const m = await client.messages.create({ to: phone(), body: 'Keep me' });
    await messageReaches(app, messageIdOf(m.sid), 'DELIVERED');
    const changed = await restError(client.messages(m.sid).update({ body: 'Changed' }));
    expect(changed).toMatchObject({ status: 400, code: 30400 });
    expect(changed.message).toContain('Body');
    const status = await restError(client.messages(m.sid).update({ status: 'sent' as never }));
    expect(status).toMatchObject({ status: 400, code: 30400 });
    expect(status.message).toContain('Status');
    expect(await messageOf(app, messageIdOf(m.sid))).toMatchObject({ content: 'Keep me', status: 'DELIVERED' });
  });
});
