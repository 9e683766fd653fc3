import type { IncomingMessage, ServerResponse } from 'node:http';
import { keyFromHeaders } from '../auth/authenticate.ts';
import { unauthenticated } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import { limitViewer } from './rate-limit-headers.ts';
import { readJson, sendJson } from './respond.ts';
import { headerValue } from './server.ts';
import { SESSION_WINDOW_MS } from '../messages/message-rules.ts';
import { toAcceptRequest } from '../messages/send-input.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { responseEventBody } from '../live-chat/live-chat-input.ts';
import { findIntegration } from '../live-chat/manage-integrations.ts';

const digits = (s: string) => s.replace(/[^\d]/g, '');

/** 422: the request is well formed but breaks a rule of the chat. */
const unprocessable = (res: ServerResponse, field: string, message: string) =>
  sendJson(res, 422, { error: `${field}: ${message}`, details: [{ field, message }] });

/**
 * POST /integrations/live-chat/{integrationId}/chats/{chatIdentifier}/events (seed 002's Response
 * Webhook): a reply into an existing chat. The chat is the open conversation of the contact
 * `chatIdentifier` on one of the integration's active connections; WhatsApp free-form text only
 * within 24 hours of the contact's last message. The message then follows the normal outbound path.
 * An `Idempotency-Key` header makes retries safe. Answers 202 with the message id.
 */
export function liveChatResponseEndpoint(rt: Runtime) {
  return async (req: IncomingMessage, res: ServerResponse, [integrationId, chatIdentifier]: string[]) => {
    const key = keyFromHeaders((name) => headerValue(req, name));
    const viewer = key ? await rt.keys.resolve(key) : null;
    if (!viewer) throw unauthenticated();
    await limitViewer(rt, res, viewer);
    const integration = await findIntegration(rt, viewer, integrationId!);
    const body = parseInput(responseEventBody, await readJson(req));
    if (integration.status !== 'ACTIVE') throw new AppError('CONFLICT', 'The integration is not active; start it first');

    const ref = body.channel.type === 'SMS' ? body.channel.connection : digits(body.channel.sender);
    const connection = integration.connections.find((c) =>
      body.channel.type === 'SMS'
        ? c.channel === 'SMS' && (c.id === ref || c.deviceId === ref || c.address === ref) && (!body.channel.route || c.address === body.channel.route)
        : c.channel === 'WHATSAPP' && digits(c.address) === ref,
    );
    const field = body.channel.type === 'SMS' ? 'channel.connection' : 'channel.sender';
    if (!connection) return unprocessable(res, field, `is not a ${body.channel.type} connection of this integration`);
    if (connection.status !== 'ACTIVE') return unprocessable(res, field, 'is a connection of this integration that is not active');

    const phone = `+${digits(chatIdentifier!)}`;
    // A chat exists only once the contact has written (seed 002): an outbound-only conversation is not one.
    const chat = await rt.prisma.conversation.findFirst({
      where: { deviceId: connection.deviceId, status: 'OPEN', lastInboundAt: { not: null }, client: { workspaceId: integration.workspaceId, phone } },
    });
    if (!chat) {
      return sendJson(res, 404, {
        error: 'Chat not found',
        details: [{ field: 'chatIdentifier', message: `no open chat with ${phone} on ${connection.address}; a chat starts with a message from the contact` }],
      });
    }
    if (connection.channel === 'WHATSAPP' && (!chat.lastInboundAt || Date.now() - chat.lastInboundAt.getTime() > SESSION_WINDOW_MS)) {
      return unprocessable(res, 'msg', "is free-form WhatsApp text outside the 24-hour customer-service window since the contact's last message");
    }
    const idempotencyKey = headerValue(req, 'idempotency-key')?.slice(0, 200);
    const result = await rt.accept(
      toAcceptRequest(
        integration.workspaceId,
        { channel: connection.channel, phone, message: body.msg, messageId: idempotencyKey ? `live-chat:${integration.id}:${idempotencyKey}` : null },
        connection.deviceId,
      ),
    );
    if (!result.ok) throw result.error;
    sendJson(res, 202, { messageId: result.messageId, chatId: chat.id, status: 'QUEUED' });
  };
}
