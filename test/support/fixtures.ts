import { graphql } from '../gql/gql.ts';
import type { TestApp } from './app.ts';
import { ok } from './graphql.ts';

const FixtureWorkspace = graphql(`
  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      locationId
      webhookSigningSecret
    }
  }
`);
const FixtureKey = graphql(`
  mutation FixtureKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);
const FixtureDevice = graphql(`
  mutation FixtureDevice($input: DeviceCreateInput!) {
    createDevice(input: $input) {
      token
      device {
        id
        address
      }
    }
  }
`);
const FixtureActivate = graphql(`
  mutation FixtureActivate($input: DevicesActivateInput!) {
    activateDevices(input: $input) {
      deviceId
      ok
      error {
        code
        message
      }
    }
  }
`);
const FixtureWebhook = graphql(`
  mutation FixtureWebhook($input: WebhookCreateInput!) {
    createWebhook(input: $input) {
      id
      signingSecret
    }
  }
`);

let counter = 0;
/** A unique valid US number per call, so tests never collide on a sender or contact. */
export function phone(): string {
  counter++;
  return `+1415555${String(1000 + ((process.pid * 7 + counter) % 9000)).padStart(4, '0')}`;
}

export type Workspace = { id: number; locationId: string; webhookSigningSecret: string | null; key: string };

/** A workspace (optionally with a seed 000 webhook URL) and a key of its own. */
export async function workspace(app: TestApp, input: { webhookUrl?: string; headers?: unknown; name?: string } = {}): Promise<Workspace> {
  const ws = (await ok(app.url, FixtureWorkspace, { input: { name: input.name ?? 'Fixture workspace', ...input } })).createWorkspace;
  const key = (await ok(app.url, FixtureKey, { input: { workspaceId: ws.id, label: 'fixture' } })).createApiKey.secret;
  return { ...ws, key };
}

/** An active simulator device. */
export async function device(
  app: TestApp,
  ws: Workspace,
  input: { channel?: 'SMS' | 'WHATSAPP' | 'IMESSAGE' | 'RCS'; address?: string; config?: unknown } = {},
): Promise<{ id: string; address: string; token: string }> {
  const created = (
    await ok(
      app.url,
      FixtureDevice,
      { input: { channel: input.channel ?? 'SMS', address: input.address ?? phone(), config: input.config ?? { deliveredAfterMs: 0, readAfterMs: 0 } } },
      { key: ws.key },
    )
  ).createDevice;
  const [result] = (await ok(app.url, FixtureActivate, { input: { ids: [created.device.id] } }, { key: ws.key })).activateDevices;
  if (!result?.ok) throw new Error(`activation failed: ${JSON.stringify(result?.error)}`);
  return { ...created.device, token: created.token };
}

export async function webhook(app: TestApp, ws: Workspace, input: { url: string; event: string; [k: string]: unknown }) {
  return (await ok(app.url, FixtureWebhook, { input: { workspaceId: ws.id, label: 'fixture', sendTestPing: false, ...input } as never }, { key: ws.key })).createWebhook;
}

/** POST /webhook (seed 000). */
export async function postWebhook(app: TestApp, body: unknown, key: string | null, extraHeaders: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...extraHeaders },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
