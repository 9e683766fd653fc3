import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from '../../src/delivery/send.ts';
import { freePort } from '../support/ports.ts';
import { Receiver } from '../support/receiver.ts';

/** The webhook sender against a real local server: what one attempt records, whatever the target does. */

let receiver: Receiver;
let port: string;
beforeAll(async () => {
  receiver = await Receiver.start();
  port = new URL(receiver.url).port;
});
afterAll(async () => {
  await receiver?.stop();
});

const send = createSender({ allowPrivate: true, connectTimeoutMs: 1000, totalTimeoutMs: 1500 });
const post = (path: string, headers: Record<string, string> = {}, body = '{"n":1}') => send({ method: 'POST', url: `${receiver.url}${path}`, headers: { 'content-type': 'application/json', ...headers }, body });

describe('createSender', () => {
  it('sends each request with its own method, headers and body, though the options are prepared once', async () => {
    const [a, b, c] = await Promise.all([
      post('/own-a', { 'webhook-id': 'msg_a' }, '{"n":"a"}'),
      post('/own-b', { 'x-only-b': 'yes' }, '{"n":"b"}'),
      send({ method: 'GET', url: `${receiver.url}/own-c?x=1`, headers: {}, body: '' }),
    ]);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
    const [ra] = receiver.on('/own-a');
    const [rb] = receiver.on('/own-b');
    const [rc] = receiver.on('/own-c');
    expect(ra).toMatchObject({ method: 'POST', body: '{"n":"a"}', headers: { 'webhook-id': 'msg_a' } });
    expect(rb).toMatchObject({ method: 'POST', body: '{"n":"b"}', headers: { 'x-only-b': 'yes' } });
    expect(rb!.headers['webhook-id']).toBeUndefined();
    expect(ra!.headers['x-only-b']).toBeUndefined();
    expect(rc).toMatchObject({ method: 'GET', body: '', query: { x: '1' } });
  });

  it('records a redirect as the answer and does not follow it', async () => {
    receiver.respond((req) => (req.path === '/moved' ? { status: 302, headers: { location: `${receiver.url}/moved-here` } } : undefined));
    const result = await post('/moved');
    expect(result).toMatchObject({ statusCode: 302, errorKind: null });
    expect(receiver.on('/moved')).toHaveLength(1);
    expect(receiver.on('/moved-here')).toHaveLength(0);
  });

  it('keeps the first 4 KiB of a longer answer', async () => {
    receiver.respond((req) => (req.path === '/long' ? { status: 200, body: 'x'.repeat(100_000) } : undefined));
    const result = await post('/long');
    expect(result.statusCode).toBe(200);
    expect(result.responseBody).toBe('x'.repeat(4096));
  });

  it('keeps status and Retry-After of an error answer', async () => {
    receiver.respond((req) => (req.path === '/busy' ? { status: 503, headers: { 'retry-after': '30' }, body: 'busy' } : undefined));
    expect(await post('/busy')).toMatchObject({ statusCode: 503, retryAfterSeconds: 30, responseBody: 'busy', errorKind: null });
  });

  it('gives up on a target that does not answer within the request timeout', async () => {
    const { promise: held, resolve: release } = Promise.withResolvers<void>();
    receiver.respond((req) => (req.path === '/slow' ? { status: 200, until: held } : undefined));
    const result = await post('/slow');
    release();
    expect(result).toMatchObject({ statusCode: null, errorKind: 'TIMEOUT', error: 'no answer within the request timeout (1500 ms)' });
    expect(result.durationMs).toBeGreaterThanOrEqual(1400);
  });

  it('reports a refused connection as a network failure', async () => {
    const result = await send({ method: 'POST', url: `http://127.0.0.1:${await freePort()}/`, headers: {}, body: '{}' });
    expect(result).toMatchObject({ statusCode: null, errorKind: 'NETWORK', error: 'connection refused', responseBody: null });
  });

  it('fails an attempt whose header HTTP forbids, sends nothing, and the next request goes out whole', async () => {
    const bad = await post('/bad-header', { 'bad header': 'x' });
    expect(bad).toMatchObject({ statusCode: null, errorKind: 'NETWORK', responseBody: null });
    expect(receiver.on('/bad-header')).toHaveLength(0);
    expect(await post('/after-bad-header', {}, '{"n":2}')).toMatchObject({ statusCode: 200 });
    expect(receiver.on('/after-bad-header')[0]).toMatchObject({ body: '{"n":2}' });
  });

  it('refuses at connect a host name that resolves to a private address, and sends nothing', async () => {
    const guarded = createSender({ allowPrivate: false, connectTimeoutMs: 1000, totalTimeoutMs: 1500 });
    const result = await guarded({ method: 'POST', url: `http://localhost:${port}/ssrf-by-name`, headers: {}, body: '{}' });
    expect(result).toMatchObject({ statusCode: null, errorKind: 'BLOCKED', error: expect.stringMatching(/^localhost resolves to .*, a private or reserved address$/) });
    expect(receiver.on('/ssrf-by-name')).toHaveLength(0);
  });
});
