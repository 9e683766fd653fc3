import { badInput } from '../errors.ts';
import { androidSmsGatewayDriver } from './android-sms-gateway/android-sms-gateway-driver.ts';
import { blueBubblesDriver } from './bluebubbles/bluebubbles-driver.ts';
import type { ChannelDriver } from './driver.ts';
import { simulatorDriver } from './simulator/simulator-driver.ts';
import { smppDriver } from './smpp/smpp-driver.ts';
import { twilioDriver } from './twilio/twilio-driver.ts';
import { whatsAppCloudDriver } from './whatsapp-cloud/whatsapp-cloud-driver.ts';

/** Every driver Switchboard ships; a device names one. */
export const DRIVERS: Record<string, ChannelDriver<any>> = Object.fromEntries(
  [simulatorDriver, twilioDriver, whatsAppCloudDriver, blueBubblesDriver, androidSmsGatewayDriver, smppDriver].map((d) => [d.name, d]),
);

export function driverNamed(name: string): ChannelDriver<any> {
  const driver = DRIVERS[name];
  if (!driver) throw badInput('driver', `must be one of: ${Object.keys(DRIVERS).join(', ')}`);
  return driver;
}
