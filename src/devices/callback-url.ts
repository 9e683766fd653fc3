import { createHmac, timingSafeEqual } from 'node:crypto';
import { publicUrlOf } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import { DRIVERS } from '../channels/drivers.ts';
import type { ChannelDriver } from '../channels/driver.ts';

type Device = { id: string; driver: ChannelDriver<any> | string };

/**
 * A device's own secret for providers that do not sign their callbacks (BlueBubbles): derived from
 * the secret key, so nothing new is stored, and different for every device.
 */
export function callbackSecret(rt: Pick<Runtime, 'secrets'>, deviceId: string): string {
  return createHmac('sha256', rt.secrets.derive('provider callbacks')).update(deviceId).digest('base64url').slice(0, 32);
}

export function isCallbackSecret(rt: Pick<Runtime, 'secrets'>, deviceId: string, given: string | null): boolean {
  const expected = Buffer.from(callbackSecret(rt, deviceId));
  const actual = Buffer.from(given ?? '');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Where a device's provider sends statuses and messages (`Device.callbackUrl`): paste it at the provider. */
export function callbackUrl(rt: Pick<Runtime, 'secrets' | 'config'>, device: Device): string {
  const driver = typeof device.driver === 'string' ? DRIVERS[device.driver] : device.driver;
  const base = `${publicUrlOf(rt.config)}/providers/${driver?.name ?? device.driver}/${device.id}`;
  return driver?.callbackSecretInUrl ? `${base}?secret=${callbackSecret(rt, device.id)}` : base;
}
