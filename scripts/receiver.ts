// `npm run receiver`: a small webhook receiver for trying Switchboard out. It prints what arrives
// and checks Standard Webhooks signatures with the public `standardwebhooks` library when
// WEBHOOK_SECRET is set (a `whsec_…` secret; several may be given, comma-separated).
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.env.RECEIVER_PORT ?? 4100);
const secrets = (process.env.WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function verify(body: string, headers: Record<string, string>): string {
  if (!headers['webhook-signature']) return 'unsigned';
  if (!secrets.length) return 'signed (set WEBHOOK_SECRET to verify)';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, headers);
      return 'signature OK';
    } catch {
      // try the next secret
    }
  }
  return 'SIGNATURE INVALID';
}

createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
  let pretty = body;
  try {
    pretty = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // not JSON: print as is
  }
  const time = new Date().toISOString();
  console.log(`\n${time}  ${req.method} ${req.url}  [${headers['x-switchboard-event'] ?? '-'}]  ${verify(body, headers)}`);
  if (pretty) console.log(pretty);
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}).listen(port, () => {
  console.log(`Receiver listening on http://localhost:${port} — point a webhook URL at it.`);
  if (!secrets.length) console.log('Set WEBHOOK_SECRET=whsec_… to verify signatures (several, comma-separated: one per webhook).');
});
