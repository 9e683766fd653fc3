import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { pgSql } from '../../db/sql.ts';
import { messageIdOfSid, messageSid, parseTwilioAddress } from '../../events/twilio-message.ts';
import type { Runtime } from '../../runtime.ts';
import { accountUri, MESSAGE_ROWS, messageResource, type MessageRow } from './message-resource.ts';
import { invalid, TWILIO_CODE as CODE } from './twilio-errors.ts';
import { one } from './twilio-params.ts';

/** Twilio's page sizes: 50 unless asked, at most 1000. */
export const PAGE_SIZE = { default: 50, max: 1000 } as const;

/** The filters Twilio's Messages list takes, carried into every page URI. */
const FILTERS = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'] as const;

const DATE_SENT = `CASE WHEN m.direction = 'OUTBOUND' THEN m.sent_at ELSE m.created_at END`;

/**
 * `GET Messages.json`, newest first, as Twilio pages it: `PageSize`, `Page`, and the `PageToken`
 * of `next_page_uri` (`PA` + the last SID: the messages after it) or `previous_page_uri` (`PB` +
 * the first SID: the messages before it). `To` and `From` take Twilio's addresses (`whatsapp:+1…`);
 * `DateSent` a day (or the day of a time), `DateSent>` and `DateSent<` a day's midnight or a time,
 * inclusive, in UTC. A message not sent yet has no date sent, so a date filter leaves it out.
 */
export async function listMessages(rt: Runtime, workspaceId: number, accountSid: string, params: TwilioParams) {
  const pageSize = integerParam(params, 'PageSize', PAGE_SIZE.default, 1);
  if (pageSize > PAGE_SIZE.max) throw invalid(CODE.PAGE_SIZE_TOO_LARGE, `PageSize: at most ${PAGE_SIZE.max}, not ${pageSize}`);
  const page = integerParam(params, 'Page', 0, 0);
  const token = pageToken(one(params, 'PageToken'));
  const to = addressParam(params, 'To');
  const from = addressParam(params, 'From');
  const day = dateParam(params, 'DateSent');
  const after = dateParam(params, 'DateSent>');
  const before = dateParam(params, 'DateSent<');

  const backwards = token?.before === true;
  // Only the conditions asked for, so the newest-first walk of the (workspace_id, id) index is the plan.
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [`m.workspace_id = ${param(workspaceId)}`];
  if (to) where.push(`m.channel::text = ${param(to.channel)} AND (CASE WHEN m.direction = 'OUTBOUND' THEN cl.phone ELSE d.address END) = ${param(to.address)}`);
  if (from) where.push(`m.channel::text = ${param(from.channel)} AND (CASE WHEN m.direction = 'OUTBOUND' THEN d.address ELSE cl.phone END) = ${param(from.address)}`);
  if (day) where.push(`${DATE_SENT} >= ${param(startOfDay(day))} AND ${DATE_SENT} < ${param(new Date(startOfDay(day).getTime() + DAY_MS))}`);
  if (after) where.push(`${DATE_SENT} >= ${param(after)}`);
  if (before) where.push(`${DATE_SENT} <= ${param(before)}`);
  if (token) where.push(`m.id ${backwards ? '>' : '<'} ${param(token.messageId)}`);
  const { rows } = await pgSql(rt.pool).query<MessageRow>(
    `${MESSAGE_ROWS} WHERE ${where.join(' AND ')} ORDER BY m.id ${backwards ? 'ASC' : 'DESC'} LIMIT ${param(pageSize + 1)} OFFSET ${param(token ? 0 : page * pageSize)}`,
    values,
  );
  const more = rows.length > pageSize;
  const messages = rows.slice(0, pageSize);
  if (backwards) messages.reverse();

  const filters = FILTERS.flatMap((name) => (one(params, name) === undefined ? [] : [[name, one(params, name)!] as [string, string]]));
  const uri = (pageNumber: number, pageToken?: string) =>
    `${accountUri(accountSid)}/Messages.json?${new URLSearchParams([...filters, ['PageSize', String(pageSize)], ['Page', String(pageNumber)], ...(pageToken ? [['PageToken', pageToken]] : [])])}`;
  const sidOf = (m: MessageRow) => messageSid(m.id, m.attachments.length);
  const first = messages[0];
  const last = messages.at(-1);
  const start = page * pageSize;
  return {
    first_page_uri: uri(0),
    end: messages.length ? start + messages.length - 1 : start,
    previous_page_uri: page > 0 && first ? uri(page - 1, `PB${sidOf(first)}`) : null,
    messages: messages.map((m) => messageResource(m, accountSid)),
    uri: uri(page, one(params, 'PageToken')),
    page_size: pageSize,
    start,
    next_page_uri: (more || backwards) && last ? uri(page + 1, `PA${sidOf(last)}`) : null,
    page,
  };
}

function integerParam(params: TwilioParams, name: string, fallback: number, min: number): number {
  const value = one(params, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) throw invalid(CODE.BAD_REQUEST, `${name}: must be a whole number of at least ${min}`);
  return Number(value);
}

function pageToken(value: string | undefined): { before: boolean; messageId: string } | null {
  if (value === undefined) return null;
  const m = /^P([AB])(.+)$/.exec(value);
  const messageId = m ? messageIdOfSid(m[2]!) : null;
  if (!messageId) throw invalid(CODE.BAD_REQUEST, 'PageToken: use the one in next_page_uri or previous_page_uri');
  return { before: m![1] === 'B', messageId };
}

function addressParam(params: TwilioParams, name: string) {
  const value = one(params, name);
  if (value === undefined) return null;
  const address = parseTwilioAddress(value.trim());
  if (!address) throw invalid(CODE.BAD_REQUEST, `${name}: ${value} has a channel prefix Switchboard does not know (whatsapp:, rcs:, imessage:)`);
  return address;
}

/** `YYYY-MM-DD` (midnight UTC) or an ISO 8601 time, as Twilio's SDKs send them. */
function dateParam(params: TwilioParams, name: string): Date | null {
  const value = one(params, name);
  if (value === undefined) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw invalid(CODE.BAD_REQUEST, `${name}: must be a date (YYYY-MM-DD) or an ISO 8601 time in UTC`);
  return date;
}

const DAY_MS = 24 * 3600 * 1000;
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
