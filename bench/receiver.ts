// The bench's webhook receiver: counts STATUS-UPDATEs (the time each message's SENT arrived) and fan-out deliveries.
import { createServer } from 'node:http';
import { freePort } from './support.ts';

type ReceiverState = { sent: Map<string, number>; statusUpdates: number; fan: number; lastAt: number };

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function startReceiver() {
  const state: ReceiverState = { sent: new Map(), statusUpdates: 0, fan: 0, lastAt: 0 };
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      state.lastAt = now;
      if (req.url === '/ws') {
        const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; message_id: string; status: string };
        if (b.type === 'STATUS-UPDATE') {
          state.statusUpdates++;
          if (b.status === 'SENT' && !state.sent.has(b.message_id)) state.sent.set(b.message_id, now);
        }
      } else if (req.url?.startsWith('/fan/')) state.fan++;
      res.writeHead(200).end('ok');
      for (const w of waiters.splice(0)) w();
    });
  });
  server.keepAliveTimeout = 60_000;
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    get sent() {
      return state.sent;
    },
    get statusUpdates() {
      return state.statusUpdates;
    },
    get fan() {
      return state.fan;
    },
    get lastAt() {
      return state.lastAt;
    },
    reset() {
      state.sent = new Map();
      state.statusUpdates = 0;
      state.fan = 0;
    },
    async waitFor(predicate: (s: ReceiverState) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(state)) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the receiver');
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 250);
        });
      }
    },
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
