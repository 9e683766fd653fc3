import { describe, expect } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';

const test = appTest();
let app: TestApp;
test.beforeAll(({ app: a }) => {
  app = a;
});

async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', allow: res.headers.get('allow'), text, json };
}

describe('health and readiness', () => {
  test('GET /healthz answers 200 with a JSON body while the process is up', async () => {
    const r = await get(`${app.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.json).toEqual({ status: 'ok' });
  });

  test('GET /readyz answers 200 with its checks when the database and the queue answer', async () => {
    const r = await get(`${app.url}/readyz`);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.json).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
  });

  test('unknown paths answer 404 with a JSON body', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/nope'],
      ['POST', '/healthz'],
      ['GET', '/readyz/extra'],
      ['DELETE', '/webhooks'],
      ['GET', '/devices/x/inbound/more'],
    ] as const) {
      const r = await get(`${app.url}${path}`, { method });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.contentType, `${method} ${path}`).toMatch(/^application\/json/);
      expect(r.json, `${method} ${path}`).toEqual({ error: 'Not found' });
    }
  });

  test('a REST path asked with another method answers 405 with `Allow: POST` and a JSON body', async () => {
    const paths = ['/webhook', '/webhook/', '/devices/0123456789abcdef01234567/inbound', '/devices/0123456789abcdef01234567/status', '/integrations/live-chat/abc/chats/14155552671/events'];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']) {
        const r = await get(`${app.url}${path}`, { method });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.allow, `${method} ${path}`).toBe('POST');
        if (method !== 'HEAD') expect(r.json, `${method} ${path}`).toEqual({ error: 'Method not allowed: use POST' });
      }
    }
  });

  test('every answer carries a request id, and a caller-supplied one is echoed', async () => {
    const fresh = await fetch(`${app.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/\S{8,}/);
    const echoed = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'trace-me-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-me-123');
  });

  test('GET /readyz answers 503 with a JSON body once the database is gone, while /healthz still answers 200', async () => {
    const doomed = await startTestApp({ SWITCHBOARD_ROLE: 'api' });
    try {
      expect((await get(`${doomed.url}/readyz`)).status).toBe(200);
      // DROP DATABASE … WITH (FORCE): every connection of the app is cut and no new one can be made.
      await doomed.dropDatabase();
      const r = await get(`${doomed.url}/readyz`);
      expect(r.status).toBe(503);
      expect(r.contentType).toMatch(/^application\/json/);
      expect(r.json).toEqual({ status: 'unavailable', checks: { database: 'unreachable', queue: 'unavailable' } });
      expect(JSON.stringify(r.json)).not.toMatch(/does not exist|ECONNREFUSED|SELECT|at .*\.ts/);
      expect((await get(`${doomed.url}/healthz`)).status).toBe(200);
    } finally {
      await doomed.stop();
    }
  });
});
