import type { IncomingMessage, ServerResponse } from 'node:http';
import { storedMedia } from '../media/fetch-media.ts';
import type { Runtime } from '../runtime.ts';
import { sendJson } from './respond.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /media/{id}?expires=…&signature=…`: media of a contact's message, for a CRM to fetch
 * without an API key or the provider's credentials. The signed link is the authorisation.
 */
export function mediaEndpoint(rt: Runtime) {
  return async (req: IncomingMessage, res: ServerResponse, [id]: string[]) => {
    const query = new URL(req.url ?? '/', 'http://placeholder').searchParams;
    if (!UUID.test(id!) || !rt.media.verify(id!, query.get('expires'), query.get('signature'))) {
      return sendJson(res, 403, { error: 'This media link is not valid or has expired' });
    }
    const media = await storedMedia(rt, id!);
    if (!media) return sendJson(res, 404, { error: 'Media not found (it may be past its retention)' });
    if (media.error) return sendJson(res, 410, { error: `The provider did not hand over this media: ${media.error}` });
    if (!media.data) return sendJson(res, 503, { error: 'The provider cannot be reached right now; try again shortly' }, { 'retry-after': '30' });
    res.writeHead(200, {
      'content-type': media.contentType ?? 'application/octet-stream',
      'content-length': media.data.length,
      'cache-control': 'private, max-age=86400',
      ...(media.filename ? { 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}` } : {}),
    });
    res.end(media.data);
  };
}
