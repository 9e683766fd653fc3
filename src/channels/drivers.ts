import { badInput } from '../errors.ts';
import type { ChannelDriver } from './driver.ts';
import { simulatorDriver } from './simulator/simulator-driver.ts';

/** Every driver Switchboard ships; a device names one. Real providers join this list. */
export const DRIVERS: Record<string, ChannelDriver> = {
  [simulatorDriver.name]: simulatorDriver,
};

export function driverNamed(name: string): ChannelDriver {
  const driver = DRIVERS[name];
  if (!driver) throw badInput('driver', `must be one of: ${Object.keys(DRIVERS).join(', ')}`);
  return driver;
}
