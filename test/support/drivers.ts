import { graphql } from '../gql/gql.ts';
import type { TestApp } from './app.ts';
import type { Workspace } from './fixtures.ts';
import { ok } from './graphql.ts';
import { eventually } from './wait.ts';

/**
 * How long the driver tests' apps wait for a provider (SWITCHBOARD_PROVIDER_TIMEOUT_MS): short, so a
 * test of a provider that does not answer in time waits seconds, not the product's 15.
 */
export const PROVIDER_TIMEOUT_MS = 4_000;
export const PROVIDER_TIMEOUT_ENV = { SWITCHBOARD_PROVIDER_TIMEOUT_MS: String(PROVIDER_TIMEOUT_MS) };

const DriverDeviceCreate = graphql(`
  mutation DriverDeviceCreate($input: DeviceCreateInput!) {
    createDevice(input: $input) {
      device {
        id
        callbackUrl
      }
    }
  }
`);
const DriverDeviceActivate = graphql(`
  mutation DriverDeviceActivate($input: DevicesActivateInput!) {
    activateDevices(input: $input) {
      ok
      error {
        code
        message
      }
      device {
        status
        lastError
      }
    }
  }
`);
const DriverMessage = graphql(`
  query DriverMessage($id: ID!) {
    message(id: $id) {
      id
      status
      providerMessageId
      rawStatus
      errorCode
      error
      nextAttemptAt
      queuedReason
      attachments
      content
      type
    }
  }
`);
const DriverDeviceState = graphql(`
  query DriverDeviceState($id: ID!) {
    device(id: $id) {
      status
      lastError
      lastErrorAt
      callbackUrl
      config
    }
  }
`);

export type DriverDeviceInput = { driver: string; channel: 'SMS' | 'WHATSAPP' | 'IMESSAGE' | 'RCS'; address: string; config: unknown };

/** Creates a device of a real driver; it is not activated. */
export async function createDriverDevice(app: TestApp, ws: Workspace, input: DriverDeviceInput) {
  return (await ok(app.url, DriverDeviceCreate, { input }, { key: ws.key })).createDevice.device;
}

/** Activates a device and answers its one result (the provider is asked). */
export async function activateDriverDevice(app: TestApp, ws: Workspace, id: string) {
  return (await ok(app.url, DriverDeviceActivate, { input: { ids: [id] } }, { key: ws.key })).activateDevices[0]!;
}

/** A device of a real driver, activated (its provider accepted its credentials). */
export async function driverDevice(app: TestApp, ws: Workspace, input: DriverDeviceInput) {
  const device = await createDriverDevice(app, ws, input);
  const result = await activateDriverDevice(app, ws, device.id);
  if (!result.ok) throw new Error(`activation failed: ${JSON.stringify(result.error)}`);
  return device;
}

export async function messageState(app: TestApp, id: string) {
  return (await ok(app.url, DriverMessage, { id })).message;
}

export async function deviceState(app: TestApp, id: string) {
  return (await ok(app.url, DriverDeviceState, { id })).device;
}

/** Waits until a message, as the API shows it, satisfies `done`. */
export function messageWhen(app: TestApp, id: string, done: (m: Awaited<ReturnType<typeof messageState>>) => boolean, what: string, timeoutMs = 20_000) {
  return eventually(() => messageState(app, id), done, `message ${id}: ${what}`, timeoutMs);
}
