import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, SECRET_KEY, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { freePort } from '../support/ports.ts';
import { processTestFixtures, ROOT, spawnCommand, waitForReady } from '../support/process.ts';

/**
 * `npm start` is what users run: it builds src/ into plain JavaScript in dist/ first (a running
 * Switchboard then holds no TypeScript stripper in its two isolates), and runs that.
 */

const fx = processTestFixtures();

/** The argument vectors of a process's descendants (Linux /proc). */
function descendants(pid: number): string[][] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return children.flatMap((child) => [readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean), ...descendants(child)]);
}

describe('npm start', () => {
  it('builds dist/ and runs it: the API accepts a message, the worker thread sends it and reports SENT', async () => {
    rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = spawnCommand('npm', ['start', '--silent'], {
      DATABASE_URL: fx.db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
      SWITCHBOARD_SECRET_KEY: SECRET_KEY,
      SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
      LOG_LEVEL: 'warn',
    });
    await waitForReady(proc, url, 120_000);
    expect(existsSync(path.join(ROOT, 'dist/main.js'))).toBe(true);
    const nodes = descendants(proc.pid).filter((argv) => path.basename(argv[0]!) === 'node');
    expect(nodes.map((argv) => argv.at(-1))).toEqual(['dist/main.js']);

    const api = { url } as TestApp;
    const ws = await workspace(api, { webhookUrl: `${fx.receiver.url}/npm-start` });
    await device(api, ws, { channel: 'SMS' });
    const r = await postWebhook(api, { location_id: ws.locationId, phone: phone(), message: 'from the build', message_id: 'npm-start-1', channel: 'sms' }, ws.key);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await fx.receiver.waitFor((rs) => rs.some((q) => q.path === '/npm-start' && q.json?.message_id === 'npm-start-1' && q.json?.status === 'SENT'), 30_000, 'SENT for npm-start-1');
  }, 180_000);
});
