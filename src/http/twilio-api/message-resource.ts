import type { Sql } from '../../db/sql.ts';
import type { Channel, MessageDirection, MessageStatus } from '../../generated/prisma/client.ts';
import { messageSid, rfc2822, twilioAddress, TWILIO_API_VERSION, TWILIO_STATUS, twilioErrorCode } from '../../events/twilio-message.ts';

/** What a Message resource is made of: the message, its contact's number and its device's address. */
export type MessageRow = {
  id: string;
  direction: MessageDirection;
  channel: Channel;
  content: string | null;
  attachments: string[];
  status: MessageStatus;
  errorCode: string | null;
  error: string | null;
  segments: number | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  phone: string;
  address: string;
};

export const MESSAGE_ROWS = `
SELECT m.id, m.direction, m.channel, m.content, m.attachments, m.status, m.error_code AS "errorCode", m.error, m.segments,
       m.created_at AS "createdAt", m.updated_at AS "updatedAt", m.sent_at AS "sentAt", cl.phone, d.address
  FROM messages m JOIN clients cl ON cl.id = m.client_id JOIN devices d ON d.id = m.device_id`;

export async function findMessage(sql: Sql, workspaceId: number, id: string): Promise<MessageRow | null> {
  const { rows } = await sql.query<MessageRow>(`${MESSAGE_ROWS} WHERE m.id = $1 AND m.workspace_id = $2`, [id, workspaceId]);
  return rows[0] ?? null;
}

export const accountUri = (accountSid: string) => `/2010-04-01/Accounts/${accountSid}`;
export const messageUri = (accountSid: string, sid: string) => `${accountUri(accountSid)}/Messages/${sid}`;

/** When Twilio says a message was sent: outbound, when the device took it; inbound, when it arrived. */
export const dateSent = (m: Pick<MessageRow, 'direction' | 'sentAt' | 'createdAt'>) => (m.direction === 'OUTBOUND' ? m.sentAt : m.createdAt);

/** The Message resource, as Twilio answers it (`price` null: Switchboard sends through your own devices). */
export function messageResource(m: MessageRow, accountSid: string) {
  const sid = messageSid(m.id, m.attachments.length);
  const contact = twilioAddress(m.channel, m.phone);
  const device = twilioAddress(m.channel, m.address);
  const outbound = m.direction === 'OUTBOUND';
  return {
    account_sid: accountSid,
    api_version: TWILIO_API_VERSION,
    body: m.content ?? '',
    date_created: rfc2822(m.createdAt),
    date_sent: rfc2822(dateSent(m)),
    date_updated: rfc2822(m.updatedAt),
    direction: outbound ? 'outbound-api' : 'inbound',
    error_code: twilioErrorCode(m.errorCode),
    error_message: m.error,
    from: outbound ? device : contact,
    messaging_service_sid: null,
    num_media: String(m.attachments.length),
    num_segments: String(m.segments || 1),
    price: null,
    price_unit: 'USD',
    sid,
    status: TWILIO_STATUS[m.status],
    subresource_uris: { media: `${messageUri(accountSid, sid)}/Media.json` },
    to: outbound ? contact : device,
    uri: `${messageUri(accountSid, sid)}.json`,
  };
}
