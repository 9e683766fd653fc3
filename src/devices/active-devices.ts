import type { SecretBox } from '../crypto/secret-box.ts';
import type { Channel } from '../generated/prisma/client.ts';
import { DRIVERS } from '../channels/drivers.ts';
import type { ChannelDriver, DriverDevice } from '../channels/driver.ts';

export type ActiveDevice = DriverDevice<any> & { integrationType: string; driver: ChannelDriver<any>; activatedAt: Date | null };

export type DeviceRow = {
  id: string;
  workspaceId: number;
  channel: Channel;
  address: string;
  integrationType: string;
  driver: string;
  config: string;
  activatedAt: Date | null;
};

export const DEVICE_COLUMNS = `d.id, d.workspace_id AS "workspaceId", d.channel, d.address, d.integration_type AS "integrationType",
  d.driver, d.config, d.activated_at AS "activatedAt"`;

export function openDevice(secrets: SecretBox, row: DeviceRow): ActiveDevice {
  const driver = DRIVERS[row.driver];
  if (!driver) throw new Error(`device ${row.id} names an unknown driver`);
  return { ...row, driver, config: secrets.decryptJson<Record<string, unknown>>(row.config) };
}
