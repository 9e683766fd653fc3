import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
  await app?.dropDatabase();
});

describe('REST routes asked with another method', () => {
  const paths = ['/webhook', '/webhook/', '/devices/0123456789abcdef01234567/inbound', '/devices/0123456789abcdef01234567/status', '/integrations/live-chat/abc/chats/14155552671/events'];

  it('answer 405 with `Allow: POST` and a JSON body saying which method to use', async () => {
    for (const path of paths) {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(`${app.url}${path}`, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe('POST');
        expect(await res.json()).toEqual({ error: 'Method not allowed: use POST' });
      }
      const head = await fetch(`${app.url}${path}`, { method: 'HEAD' });
      expect(head.status, `HEAD ${path}`).toBe(405);
      expect(head.headers.get('allow')).toBe('POST');
    }
  });

  it('while a path no route has still answers 404', async () => {
    for (const path of ['/webhooks', '/devices/x', '/devices/x/inbound/more', '/integrations/live-chat/abc/events']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});
