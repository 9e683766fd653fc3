import { BatchHost } from '../messages/driver-host.ts';
import { type ProviderRequest } from '../channels/driver.ts';
import { WebhookRefused } from '../channels/driver-errors.ts';
import { publicUrlOf } from '../config.ts';
import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { DEVICE_COLUMNS, openDevice, type DeviceRow } from '../devices/active-devices.ts';
import { callbackUrl, isCallbackSecret } from '../devices/callback-url.ts';
import { AppError, notFound } from '../errors.ts';
import type { Answer, Door, DoorCall } from './door.ts';
import { readBody } from './respond.ts';

/**
 * `/providers/{driver}/{deviceId}` (GET and POST): a provider's callbacks for one device. The raw
 * request goes to the device's driver, which checks the provider's signature (a device secret in
 * the URL for providers that sign nothing) and reads status reports and contacts' messages; they
 * are stored in one transaction before the provider gets the answer it expects. A forged request
 * is answered 401/403 and nothing is stored.
 */
async function handle(call: DoorCall): Promise<Answer> {
  const { rt, req } = call;
  const { driver: driverName, deviceId } = call.params;
  const { rows } = await pgSql(rt.pool).query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.id = $1`, [deviceId]);
  const row = rows[0];
  if (!row || row.driver !== driverName) throw notFound('Device');
  const device = openDevice(rt.secrets, row);
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (!device.driver.handleWebhook) throw new AppError('NOT_FOUND', `the ${driverName} driver takes no callbacks`);
  if (device.driver.callbackSecretInUrl && !isCallbackSecret(rt, device.id, url.searchParams.get('secret'))) {
    throw new AppError('FORBIDDEN', "the callback URL's secret is missing or wrong: use Device.callbackUrl as it is");
  }
  const request: ProviderRequest = {
    method: req.method ?? 'GET',
    // As the provider called it, before any proxy: the URL it signed.
    url: `${publicUrlOf(rt.config)}${req.url ?? '/'}`,
    query: url.searchParams,
    headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
    body: await readBody(req),
  };
  const ctx = { http: rt.providers, callbackUrl: callbackUrl(rt, device), log: rt.log };
  let result;
  try {
    result = await device.driver.handleWebhook(device, request, ctx);
  } catch (error) {
    if (error instanceof WebhookRefused) throw new AppError(error.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', error.message);
    throw error;
  }
  if (result.statuses.length || result.inbound.length) {
    const host = new BatchHost();
    for (const s of result.statuses) await host.reportStatus(device.id, s);
    for (const m of result.inbound) await host.reportInbound(device.id, m);
    await inTransaction(rt.pool, (client) => host.flush(pgSql(client), rt.boss, rt.media));
  }
  return { status: result.reply.status, text: result.reply.body ?? '', ...(result.reply.headers ? { headers: result.reply.headers } : {}) };
}

const path = /^\/providers\/(?<driver>[^/]+)\/(?<deviceId>[^/]+)$/;
export const providerCallbackDoors: Door[] = [
  { method: 'POST', path, handle },
  { method: 'GET', path, handle },
];
