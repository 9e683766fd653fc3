import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../../validation/parse.ts';
import { DriverError, type ChannelDriver } from '../driver.ts';

const config = z
  .object({
    /** Milliseconds from SENT to DELIVERED. */
    deliveredAfterMs: z.number().int().min(0).max(3_600_000).default(1000),
    /** Milliseconds from DELIVERED to READ (WhatsApp and iMessage only). */
    readAfterMs: z.number().int().min(0).max(3_600_000).default(2000),
    /** Numbers whose messages fail, each with the raw error code reported (e.g. `{"+15005550009": "sim:30003"}`). */
    failNumbers: z.record(z.string(), z.string().max(100)).default({}),
    /** Behave like the WhatsApp Business API: free-form text only within 24 h of the contact's last message. */
    enforceSessionWindow: z.boolean().default(false),
    /** Make activation fail with this reason, to try partial activation. */
    failActivation: z.string().max(200).nullish(),
  })
  .strict();

type SimulatorConfig = z.output<typeof config>;
type Report = { providerMessageId: string; status: 'DELIVERED' | 'READ' | 'FAILED'; errorCode?: string };

/**
 * The default device: no provider account needed. Sends move to SENT at once, then DELIVERED (and
 * READ on WhatsApp and iMessage) after the configured delays, through durable scheduled jobs;
 * numbers in `failNumbers` fail with their raw code. `simulateInbound` injects a contact's reply.
 */
export const simulatorDriver: ChannelDriver = {
  name: 'simulator',
  secretConfigKeys: [],
  parseConfig: (raw) => parseInput(config, raw ?? {}, 'config'),
  async activate(device) {
    const c = device.config as SimulatorConfig;
    if (c.failActivation) throw new DriverError('sim:activation', c.failActivation);
  },
  async send(device, message, host) {
    const c = device.config as SimulatorConfig;
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
    return { providerMessageId, status: 'SENT', rawStatus: 'sim:accepted' };
  },
  enforcesSessionWindow: (device) => (device.config as SimulatorConfig).enforceSessionWindow === true,
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
