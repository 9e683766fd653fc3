import { unauthenticated } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import { apiCaller, headerOf, jsonBody, rateLimit, unprocessable, type Door } from './door.ts';
import { SessionWindowError } from '../messages/accept-request.ts';
import { toAcceptRequest } from '../messages/send-input.ts';
import { parseInput } from '../validation/parse.ts';
import { responseEventBody } from '../live-chat/live-chat-input.ts';
import { findIntegration } from '../live-chat/manage-integrations.ts';

const digits = (s: string) => s.replace(/[^\d]/g, '');

/**
 * POST /integrations/live-chat/{integrationId}/chats/{chatIdentifier}/events (seed 002's Response
 * Webhook): a reply into an existing chat. The chat is the open conversation of the contact
 * `chatIdentifier` on one of the integration's active connections; WhatsApp free-form text only
 * within 24 hours of the contact's last message. The message then follows the normal outbound path.
 * An `Idempotency-Key` header makes retries safe. Answers 202 with the message id.
 */
export const liveChatDoor: Door = {
  method: 'POST',
  path: /^\/integrations\/live-chat\/(?<integrationId>[^/]+)\/chats\/(?<chatIdentifier>[^/]+)\/events$/,
  async handle(call) {
    const { rt, req } = call;
    const { viewer } = await apiCaller(rt, headerOf(req));
    if (!viewer) throw unauthenticated();
    await rateLimit(call, viewer.keyId, viewer.rateLimitPerMinute);
    const integration = await findIntegration(rt, viewer, call.params.integrationId!);
    const body = parseInput(responseEventBody, await jsonBody(call));
    if (integration.status !== 'ACTIVE') throw new AppError('CONFLICT', 'The integration is not active; start it first');

    const ref = body.channel.type === 'SMS' ? body.channel.connection : digits(body.channel.sender);
    const connection = integration.connections.find((c) =>
      body.channel.type === 'SMS'
        ? c.channel === 'SMS' && (c.id === ref || c.deviceId === ref || c.address === ref) && (!body.channel.route || c.address === body.channel.route)
        : c.channel === 'WHATSAPP' && digits(c.address) === ref,
    );
    const field = body.channel.type === 'SMS' ? 'channel.connection' : 'channel.sender';
    if (!connection) throw unprocessable(field, `is not a ${body.channel.type} connection of this integration`);
    if (connection.status !== 'ACTIVE') throw unprocessable(field, 'is a connection of this integration that is not active');

    const phone = `+${digits(call.params.chatIdentifier!)}`;
    // A chat exists only once the contact has written (seed 002): an outbound-only conversation is not one.
    const chat = await rt.prisma.conversation.findFirst({
      where: { deviceId: connection.deviceId, status: 'OPEN', lastInboundAt: { not: null }, client: { workspaceId: integration.workspaceId, phone } },
    });
    if (!chat) {
      throw new AppError('NOT_FOUND', 'Chat not found', {
        details: [{ field: 'chatIdentifier', message: `no open chat with ${phone} on ${connection.address}; a chat starts with a message from the contact` }],
      });
    }
    const idempotencyKey = headerOf(req)('idempotency-key')?.slice(0, 200);
    const result = await rt.accept(
      toAcceptRequest(
        integration.workspaceId,
        { channel: connection.channel, phone, message: body.msg, messageId: idempotencyKey ? `live-chat:${integration.id}:${idempotencyKey}` : null },
        connection.deviceId,
      ),
    );
    // WhatsApp's 24-hour window is the accept path's rule, as for every door; this door names its own field (seed 002: 422).
    if (!result.ok && result.error instanceof SessionWindowError) throw unprocessable('msg', result.error.details[0]!.message);
    if (!result.ok) throw result.error;
    return { status: 202, json: { messageId: result.messageId, chatId: chat.id, status: 'QUEUED' } };
  },
};
