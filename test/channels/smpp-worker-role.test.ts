import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, SECRET_KEY, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { driverDevice, messageWhen } from '../support/drivers.ts';
import { phone, workspace } from '../support/fixtures.ts';
import { freePort } from '../support/ports.ts';
import { killAll, spawnNode, waitForReady, type Proc } from '../support/process.ts';
import { FakeSmsc } from '../support/providers/fake-smsc.ts';
import { accepted, linkWhen, sendSms, submitted } from '../support/smpp.ts';

/**
 * Switchboard split in two processes, SWITCHBOARD_ROLE=api and SWITCHBOARD_ROLE=worker, on one
 * database: the worker holds SMPP links, plain and over TLS. Both trust the TLS SMSC's self-signed
 * certificate through NODE_EXTRA_CA_CERTS, as an operator would trust a private CA (activation's
 * trial bind runs in the API process).
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let smsc: FakeSmsc;
let tlsSmsc: FakeSmsc;
let certDir: string;
let api: { proc: Proc; url: string };
let worker: Proc;

/** A key and a certificate for 127.0.0.1 (node cannot make X.509 certificates itself). */
function selfSigned(dir: string): { key: string; cert: string; certFile: string } {
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

beforeAll(async () => {
  certDir = mkdtempSync(path.join(os.tmpdir(), 'smpp-tls-'));
  const { key, cert, certFile } = selfSigned(certDir);
  [db, smsc, tlsSmsc] = await Promise.all([createTestDatabase(), FakeSmsc.start(), FakeSmsc.start({ key, cert })]);
  const env = (role: string, port: number) => ({
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    SWITCHBOARD_ROLE: role,
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    NODE_EXTRA_CA_CERTS: certFile,
    LOG_LEVEL: 'info',
  });
  const apiPort = await freePort();
  api = { proc: spawnNode(env('api', apiPort)), url: `http://127.0.0.1:${apiPort}` };
  worker = spawnNode(env('worker', await freePort()));
  await Promise.all([waitForReady(api.proc, api.url), worker.waitForOutput(/"msg":"running"/, 90_000)]);
}, 180_000);
afterAll(async () => {
  await killAll();
  await Promise.all([smsc?.stop(), tlsSmsc?.stop()]);
  await db?.drop();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

describe('smpp links in a worker-role process', () => {
  const app = () => api as unknown as TestApp;

  /** A device on the SMSC in a workspace of its own, activated through the API process; resolves once its link is BOUND, with the holder. */
  async function boundDevice(on: FakeSmsc, extra: Record<string, unknown> = {}) {
    const { account, config } = on.account(extra);
    const space = await workspace(app());
    const device = await driverDevice(app(), space, { driver: 'smpp', channel: 'SMS', address: phone(), config });
    const link = await linkWhen(app(), device.id, (l) => l?.state === 'BOUND', 'BOUND', 30_000);
    return { ...device, account, space, holder: link.link!.holder! };
  }

  /** One text through the API process: SENT (by the worker's link), submitted once, DELIVERED by its receipt. */
  async function sendsThrough(on: FakeSmsc, device: Awaited<ReturnType<typeof boundDevice>>) {
    const recipient = phone();
    const id = await sendSms(app(), device.space, recipient, 'from the worker');
    const [submit] = await submitted(device.account, 1, recipient);
    await messageWhen(app(), id, (m) => m.status === 'SENT', 'SENT', 30_000);
    expect(accepted(device.account, recipient)).toHaveLength(1);
    expect(await on.receipt(submit!, 'DELIVRD')).toBe(0);
    await messageWhen(app(), id, (m) => m.status === 'DELIVERED', 'DELIVERED', 30_000);
  }

  it('the worker process holds the link and sends; the API process holds none', async () => {
    const device = await boundDevice(smsc);
    expect(device.holder).toMatch(new RegExp(`/${worker.pid}$`));
    // Activation's trial bind, then the link's: one at a time.
    expect(device.account.binds.filter((b) => b.ok)).toHaveLength(2);
    expect(device.account.maxBound).toBe(1);
    await sendsThrough(smsc, device);
    expect(smsc.problems).toEqual([]);
  });

  it('binds over TLS when the device says tls: true, and sends and takes receipts over it', async () => {
    const device = await boundDevice(tlsSmsc, { tls: true });
    expect(device.holder).toMatch(new RegExp(`/${worker.pid}$`));
    expect(device.account.binds.map((b) => [b.ok, b.tls])).toEqual([
      [true, true],
      [true, true],
    ]);
    await sendsThrough(tlsSmsc, device);
    expect(tlsSmsc.problems).toEqual([]);
  });
});
