import type { StoredEvent } from '../events/event-payloads.ts';
import type { TwilioParams } from '../crypto/twilio-signature.ts';
import { messageSid, twilioAddress, TWILIO_API_VERSION, TWILIO_STATUS, twilioErrorCode } from '../events/twilio-message.ts';

/**
 * What Twilio posts for an event: a message's status callback (`MessageStatus`, `ErrorCode` on a
 * failure) or an incoming message (`Body`, `NumMedia`, `MediaUrl{N}`), with the account's SID.
 */
export function twilioParams(event: StoredEvent, accountSid: string): TwilioParams {
  const base = { AccountSid: accountSid, ApiVersion: TWILIO_API_VERSION };
  if (event.type !== 'MESSAGE_UPDATED' && event.type !== 'INCOMING_MESSAGE') return base;
  const { message, client, device } = event.payload;
  const sid = messageSid(message.id, message.attachments.length);
  const contact = twilioAddress(message.channel, client.phone);
  const sender = twilioAddress(message.channel, device.address);
  if (event.type === 'MESSAGE_UPDATED') {
    const status = TWILIO_STATUS[message.status];
    const errorCode = message.status === 'FAILED' || message.status === 'UNDELIVERED' ? twilioErrorCode(message.errorCode) : null;
    return {
      ...base,
      MessageSid: sid,
      SmsSid: sid,
      From: sender,
      To: contact,
      MessageStatus: status,
      SmsStatus: status,
      ...(errorCode === null ? {} : { ErrorCode: String(errorCode) }),
    };
  }
  return {
    ...base,
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    From: contact,
    To: sender,
    Body: message.content ?? '',
    NumMedia: String(message.attachments.length),
    NumSegments: '1',
    SmsStatus: 'received',
    ...Object.fromEntries(message.attachments.map((url, i) => [`MediaUrl${i}`, url])),
  };
}
