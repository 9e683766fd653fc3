import type { InboundReport, StatusReport } from '../driver.ts';

/** A message as BlueBubbles Server serializes it in its webhooks (the fields Switchboard reads). */
export type BlueBubblesMessage = {
  guid?: string;
  /** Only on the message Switchboard sent: the tempGuid it was sent with (our message id). */
  tempGuid?: string;
  text?: string | null;
  handle?: { address?: string; service?: string } | null;
  attachments?: { guid?: string; mimeType?: string | null; transferName?: string | null }[];
  error?: number;
  dateCreated?: number | null;
  dateDelivered?: number | null;
  dateRead?: number | null;
  isFromMe?: boolean;
  itemType?: number;
  associatedMessageGuid?: string | null;
  associatedMessageType?: string | number | null;
  chats?: { guid?: string }[];
};

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Messages puts U+FFFC in the text where an attachment sits. */
const ATTACHMENT_MARK = /\uFFFC/g;

const dateOf = (ms: number | null | undefined) => (typeof ms === 'number' && ms > 0 ? new Date(ms) : undefined);

/**
 * What a message of ours tells about its status: our tempGuid (sent), a non-zero `error` or a
 * send-error event (failed, with `bb:<error>`), `dateDelivered`, `dateRead`. A report carries our
 * message id when BlueBubbles echoed it, so it finds the message even if the send's answer was lost.
 */
export function statusReports(m: BlueBubblesMessage, sendError: boolean): StatusReport[] {
  const guid = m.guid;
  if (!guid) return [];
  const ours = m.tempGuid && MESSAGE_ID.test(m.tempGuid) ? { messageId: m.tempGuid } : {};
  const report = (status: StatusReport['status'], at: Date | undefined, extra: Partial<StatusReport> = {}): StatusReport => ({
    ...ours,
    providerMessageId: guid,
    status,
    rawStatus: `bb:${status.toLowerCase()}`,
    at,
    eventId: `${guid}:${status.toLowerCase()}`,
    ...extra,
  });
  const reports: StatusReport[] = [];
  if (ours.messageId) reports.push(report('SENT', dateOf(m.dateCreated)));
  const error = typeof m.error === 'number' ? m.error : 0;
  if (sendError || error !== 0) {
    const code = `bb:${error || 'send-error'}`;
    reports.push(report('FAILED', undefined, { errorCode: code, error: `the Mac could not send the message (iMessage error ${error || 'unknown'})` }));
    return reports;
  }
  if (m.dateDelivered) reports.push(report('DELIVERED', dateOf(m.dateDelivered)));
  if (m.dateRead) reports.push(report('READ', dateOf(m.dateRead)));
  return reports;
}

/**
 * A contact's message, or null for what is not one: tapbacks and other associated messages, group
 * events, group chats (Switchboard's conversations are one contact each), and messages of another
 * service than the device's (an iMessage device and an SMS device may share one Mac).
 */
export function inboundReport(m: BlueBubblesMessage, service: string): InboundReport | null {
  if (!m.guid || m.associatedMessageGuid || m.associatedMessageType || (m.itemType ?? 0) !== 0) return null;
  const chat = m.chats?.[0]?.guid;
  if (chat?.includes(';+;')) return null;
  if ((chat?.split(';')[0] ?? m.handle?.service) !== service) return null;
  const from = m.handle?.address;
  if (!from) return null;
  const media = (m.attachments ?? []).filter((a) => a.guid).map((a) => ({ ref: a.guid!, contentType: a.mimeType ?? null, filename: a.transferName ?? null }));
  const content = m.text?.replace(ATTACHMENT_MARK, '').trim() || null;
  if (!content && !media.length) return null;
  return { from, content, attachments: [], media, providerMessageId: m.guid, at: dateOf(m.dateCreated) };
}
