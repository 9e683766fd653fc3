import { DriverError, NotNowError } from '../channels/driver-errors.ts';
import { DEVICE_COLUMNS, openDevice, type DeviceRow } from '../devices/active-devices.ts';
import { callbackUrl } from '../devices/callback-url.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import type { BatchHandler } from '../jobs/job-pump.ts';

import type { MediaJob } from './fetch-media-job.ts';

export type StoredMedia = { id: string; contentType: string | null; filename: string | null; data: Buffer | null; error: string | null };

type Row = DeviceRow & { mediaId: string; ref: string; contentType: string | null; filename: string | null; fetched: boolean };

/**
 * Fetches media of contacts' messages from their providers (with the device's credentials) and
 * keeps the bytes. A provider that is down leaves the media to be fetched again; one that refuses
 * for good records why. Returns the ids still waiting for a provider.
 */
export async function fetchMedia(rt: Runtime, ids: string[]): Promise<string[]> {
  const { rows } = await rt.pool.query<Row>(
    `SELECT m.id AS "mediaId", m.provider_ref AS ref, m.content_type AS "contentType", m.filename, m.fetched_at IS NOT NULL AS fetched, ${DEVICE_COLUMNS}
       FROM media m JOIN devices d ON d.id = m.device_id WHERE m.id = ANY($1::uuid[]) AND m.fetched_at IS NULL AND m.error IS NULL`,
    [ids],
  );
  const waiting: string[] = [];
  await Promise.all(
    rows.map(async (row) => {
      const device = openDevice(rt.secrets, row);
      try {
        if (!device.driver.fetchMedia) throw new DriverError(`${device.driver.name}:no-media`, 'this driver cannot fetch media');
        const got = await device.driver.fetchMedia(device, { ref: row.ref, contentType: row.contentType, filename: row.filename }, { http: rt.providers, callbackUrl: callbackUrl(rt, device), log: rt.log });
        await rt.pool.query('UPDATE media SET data = $2, content_type = COALESCE($3, content_type), size = $4, fetched_at = now() WHERE id = $1', [
          row.mediaId,
          got.body,
          got.contentType,
          got.body.length,
        ]);
      } catch (error) {
        if (error instanceof NotNowError) return void waiting.push(row.mediaId);
        const reason = error instanceof DriverError ? `${error.code}: ${error.message}` : 'fetching the media failed unexpectedly';
        if (!(error instanceof DriverError)) rt.log.error({ err: describeError(error), mediaId: row.mediaId }, reason);
        await rt.pool.query('UPDATE media SET error = $2 WHERE id = $1', [row.mediaId, reason]);
      }
    }),
  );
  return waiting;
}

/** The media job: media a provider could not hand over yet fail the job, which pg-boss retries with backoff. */
export function fetchMediaJobs(rt: Runtime): BatchHandler<MediaJob> {
  return async (jobs, settle) => {
    await Promise.all(
      jobs.map(async (job) => {
        const waiting = await fetchMedia(rt, job.data.mediaIds);
        settle(job, waiting.length ? { failed: new Error(`${waiting.length} media not fetched yet`) } : 'completed');
      }),
    );
  };
}

/** Media for the media endpoint: fetched now if the job has not got to it yet. */
export async function storedMedia(rt: Runtime, id: string): Promise<StoredMedia | null> {
  const read = async () =>
    (await rt.pool.query<StoredMedia>('SELECT id, content_type AS "contentType", filename, data, error FROM media WHERE id = $1', [id])).rows[0] ?? null;
  const media = await read();
  if (!media || media.data || media.error) return media;
  await fetchMedia(rt, [id]);
  return read();
}
