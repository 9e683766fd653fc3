// CPU per request of each way to send a webhook delivery (got's promise API, got's stream API as
// src/delivery/send.ts used it until issue 23, the outbound client's prepared-options stream that
// it uses now, and a bare node:http request), 64 at a time against one local server, in one
// process and alternating, so the numbers compare within the same minute.
// `node bench/http-clients.ts <url>` prints them on their own.
import http from 'node:http';
import got, { type Got } from 'got';
import { createOutboundClient } from '../src/outbound/client.ts';

export type HttpClientCpu = { gotPromise: number; gotStream: number; kept: number; nodeHttp: number; keptPath: string };

const TIMEOUTS = { lookup: 5000, connect: 5000, secureConnect: 5000, request: 15000 };

export async function measureHttpClients(url: string, body: string, requests = 20_000, rounds = 2): Promise<HttpClientCpu> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const headers = { 'content-type': 'application/json', 'user-agent': 'Switchboard/1.0', 'webhook-id': 'msg_bench', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,bench' };
  // The options the delivery worker gave got before issue 23, on the same agent as node:http.
  const extended: Got = got.extend({ agent: { http: agent }, timeout: TIMEOUTS, followRedirect: false, throwHttpErrors: false, retry: { limit: 0 } });
  const outbound = createOutboundClient({ allowPrivate: true, connectTimeoutMs: 5000, totalTimeoutMs: 15000, maxSockets: 64, maxFreeSockets: 64 });
  const drained = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => {
      stream.on('data', () => undefined).on('end', resolve).on('error', () => resolve());
    });
  const paths: Record<'gotPromise' | 'gotStream' | 'kept' | 'nodeHttp', () => Promise<void>> = {
    gotPromise: async () => {
      await extended(url, { method: 'POST', headers, body }).catch(() => undefined);
    },
    gotStream: () => drained(extended.stream(url, { method: 'POST', headers, body })),
    kept: () => drained(outbound.stream(new URL(url), 'POST', headers, body)),
    nodeHttp: () =>
      new Promise<void>((resolve) => {
        const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => res.on('data', () => undefined).on('end', resolve));
        req.setTimeout(15000);
        req.on('error', () => resolve());
        req.end(body);
      }),
  };
  const cpuPerRequest = async (send: () => Promise<void>, n: number) => {
    let started = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (started++ < n) await send();
      }),
    );
    const used = process.cpuUsage(before);
    return (used.user + used.system) / n;
  };
  for (const send of Object.values(paths)) await cpuPerRequest(send, 2000); // warm-up
  const sums = { gotPromise: 0, gotStream: 0, kept: 0, nodeHttp: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const [name, send] of Object.entries(paths)) sums[name as keyof typeof sums] += await cpuPerRequest(send, requests / rounds);
  }
  agent.destroy();
  const mean = (x: number) => Math.round(x / rounds);
  return { gotPromise: mean(sums.gotPromise), gotStream: mean(sums.gotStream), kept: mean(sums.kept), nodeHttp: mean(sums.nodeHttp), keptPath: 'got stream from Options normalised once per client (src/outbound/client.ts)' };
}

if (import.meta.main) console.log(await measureHttpClients(process.argv[2]!, JSON.stringify({ location_id: 'x', phone: '+14155550100', message: 'Hello', message_id: 'id', channel: 'sms' })));
