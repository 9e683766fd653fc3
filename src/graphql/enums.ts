import {
  AttemptTrigger,
  Channel,
  ConversationStatus,
  DeliveryStatus,
  DeviceStatus,
  EventType,
  LinkState,
  LiveChatStatus,
  MessageDirection,
  MessageStatus,
  MessageType,
  TargetKind,
  WebhookEvent,
} from '../generated/prisma/enums.ts';
import { builder } from './builder.ts';

/** GraphQL enums mirror the Prisma enums, so the schema and the database cannot disagree. */
export const ChannelEnum = builder.enumType(Channel, { name: 'Channel' });
export const DeviceStatusEnum = builder.enumType(DeviceStatus, { name: 'DeviceStatus' });
export const MessageDirectionEnum = builder.enumType(MessageDirection, { name: 'MessageDirection' });
export const MessageStatusEnum = builder.enumType(MessageStatus, { name: 'MessageStatus' });
export const MessageTypeEnum = builder.enumType(MessageType, { name: 'MessageType' });
export const ConversationStatusEnum = builder.enumType(ConversationStatus, { name: 'ConversationStatus' });
export const WebhookEventEnum = builder.enumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'What a webhook subscribes to. ANY_EVENT receives every event; MESSAGE_UPDATED_SMPP receives status updates as an SMPP-style GET.',
});
export const LinkStateEnum = builder.enumType(LinkState, {
  name: 'LinkState',
  description: "A device link's state: BOUND (connected and bound), CONNECTING, BACKING_OFF (waiting before trying again after a drop or failure) or STOPPED.",
});
export const EventTypeEnum = builder.enumType(EventType, { name: 'EventType' });
export const DeliveryStatusEnum = builder.enumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING: waiting for its first or next attempt (or parked while its target is disabled). SUCCEEDED: a 2xx arrived. FAILED: stopped early on an answer that cannot succeed. DEAD: the retry schedule ran out.',
});
export const AttemptTriggerEnum = builder.enumType(AttemptTrigger, { name: 'AttemptTrigger' });
export const TargetKindEnum = builder.enumType(TargetKind, { name: 'TargetKind' });
export const LiveChatStatusEnum = builder.enumType(LiveChatStatus, { name: 'LiveChatStatus' });
