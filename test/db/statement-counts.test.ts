import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { messageReaches } from '../support/messaging.ts';
import { Receiver } from '../support/receiver.ts';
import { eventually } from '../support/wait.ts';

// SWITCHBOARD_STATEMENT_COUNTS_DIR: the bench's count of statements per message, by stage.

let app: TestApp;
let receiver: Receiver;
const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-statement-counts-'));

beforeAll(async () => {
  receiver = await Receiver.start();
  app = await startTestApp({ SWITCHBOARD_STATEMENT_COUNTS_DIR: dir });
});

afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
  await app?.dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

/** Every thread's counts, each file as last written, once every file was written after `since`. */
function countsSince(since: number): Record<string, number>[] | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (files.length < 2 || files.some((f) => statSync(path.join(dir, f)).mtimeMs <= since)) return null;
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, number>);
}

describe('statement counts by stage', () => {
  it('count one message as one read, one write and one wake-up to accept, and the send, status and delivery stages in the worker thread', async () => {
    const ws = await workspace(app, { webhookUrl: `${receiver.url}/ws` });
    await device(app, ws);
    const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: 'counted-1', channel: 'sms' }, ws.key);
    expect(sent.status).toBe(200);
    await messageReaches(app, sent.body.messageId, 'DELIVERED');
    await eventually(async () => receiver.on('/ws').length, (n) => n >= 2, 'SENT and DELIVERED at the workspace webhook');
    const since = Date.now();
    const counts = await eventually(async () => countsSince(since), (c) => c !== null, 'a write of every thread’s counts');
    const [api] = counts!.filter((c) => c.accept);
    const [worker] = counts!.filter((c) => c.send);
    expect(api!.accept).toBe(3);
    expect(worker).toMatchObject({ send: expect.any(Number), status: expect.any(Number), delivery: expect.any(Number) });
  });
});
