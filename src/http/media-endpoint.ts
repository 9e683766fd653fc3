import { AppError } from '../errors.ts';
import { storedMedia } from '../media/fetch-media.ts';
import type { Answer, Door } from './door.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /media/{id}?expires=…&signature=…`: media of a contact's message, for a CRM to fetch
 * without an API key or the provider's credentials. The signed link is the authorisation.
 */
export const mediaDoor: Door = {
  method: 'GET',
  path: /^\/media\/(?<id>[^/]+)$/,
  async handle({ rt, req, params: { id } }): Promise<Answer> {
    const query = new URL(req.url ?? '/', 'http://placeholder').searchParams;
    if (!UUID.test(id!) || !rt.media.verify(id!, query.get('expires'), query.get('signature'))) throw new AppError('FORBIDDEN', 'This media link is not valid or has expired');
    const media = await storedMedia(rt, id!);
    if (!media) throw new AppError('NOT_FOUND', 'Media not found (it may be past its retention)');
    if (media.error) return { status: 410, json: { error: `The provider did not hand over this media: ${media.error}` } };
    if (!media.data) return { status: 503, json: { error: 'The provider cannot be reached right now; try again shortly' }, headers: { 'retry-after': '30' } };
    return {
      status: 200,
      bytes: media.data,
      headers: {
        'content-type': media.contentType ?? 'application/octet-stream',
        'cache-control': 'private, max-age=86400',
        ...(media.filename ? { 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}` } : {}),
      },
    };
  },
};
