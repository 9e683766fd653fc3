import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver } from '../driver.ts';
import { DriverError } from '../driver-errors.ts';

const config = driverConfig({
  deliveredAfterMs: field.integer('Milliseconds from SENT to DELIVERED.', 0, 3_600_000, { default: 1000 }),
  readAfterMs: field.integer('Milliseconds from DELIVERED to READ (WhatsApp and iMessage only).', 0, 3_600_000, { default: 2000 }),
  failNumbers: field.object(
    'Numbers whose messages fail, each with the raw error code reported, like { "+15005550009": "sim:30003" }.',
    z.record(z.string(), z.string().max(100), { error: 'must be an object of phone numbers to error codes' }),
    { default: {} },
  ),
  enforceSessionWindow: field.boolean("Behave like the WhatsApp Business API: free-form text only within 24 h of the contact's last message.", { default: false }),
  failActivation: field.string('Make activation fail with this reason, to try partial activation.'),
  ...pacingFields({}),
});

type SimulatorConfig = ReturnType<typeof config.parse>;
type Report = { providerMessageId: string; status: 'DELIVERED' | 'READ' | 'FAILED'; errorCode?: string };

/**
 * The default device: no provider account needed. Sends move to SENT at once, then DELIVERED (and
 * READ on WhatsApp and iMessage) after the configured delays, through durable scheduled jobs;
 * numbers in `failNumbers` fail with their raw code. `simulateInbound` injects a contact's reply.
 */
export const simulatorDriver: ChannelDriver<SimulatorConfig> = {
  name: 'simulator',
  description: 'A built-in pretend provider: sends succeed and report DELIVERED (and READ) after a delay. No account needed.',
  channels: ['SMS', 'WHATSAPP', 'IMESSAGE', 'RCS'],
  config,
  async activate(device) {
    if (device.config.failActivation) throw new DriverError('sim:activation', device.config.failActivation);
  },
  async send(device, message, { host }) {
    const c = device.config;
    const providerMessageId = `SIM${randomBytes(12).toString('hex')}`;
    const failCode = c.failNumbers[message.to];
    const now = Date.now();
    if (failCode !== undefined) {
      await host.schedule(device.id, { providerMessageId, status: 'FAILED', errorCode: failCode } satisfies Report, new Date(now + c.deliveredAfterMs));
    } else {
      await host.schedule(device.id, { providerMessageId, status: 'DELIVERED' } satisfies Report, new Date(now + c.deliveredAfterMs));
      if (device.channel === 'WHATSAPP' || device.channel === 'IMESSAGE') {
        await host.schedule(device.id, { providerMessageId, status: 'READ' } satisfies Report, new Date(now + c.deliveredAfterMs + c.readAfterMs));
      }
    }
    return { providerMessageId, rawStatus: 'sim:accepted' };
  },
  enforcesSessionWindow: (device) => device.config.enforceSessionWindow === true,
  async onScheduled(device, data, host) {
    const r = data as Report;
    await host.reportStatus(device.id, {
      providerMessageId: r.providerMessageId,
      status: r.status,
      rawStatus: `sim:${r.status.toLowerCase()}`,
      errorCode: r.errorCode ?? null,
      error: r.errorCode ? 'the simulator was configured to fail this number' : null,
    });
  },
};
