import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver } from '../driver.ts';
import { DriverError, NotNowError } from '../driver-errors.ts';
import { bind, unbind } from './smpp-session.ts';

const ton = (what: string) => field.integer(`Type of number of the ${what} (0 unknown, 1 international, 2 national, 3 network-specific, 5 alphanumeric, 6 abbreviated).`, 0, 6);
const npi = (what: string) => field.integer(`Numbering plan of the ${what} (0 unknown, 1 ISDN/E.164).`, 0, 18);

const config = driverConfig({
  host: field.string("The SMSC's host name or IP address.", { required: true, max: 253 }),
  port: field.integer("The SMSC's SMPP port.", 1, 65_535, { default: 2775 }),
  tls: field.boolean('Connect with TLS (SMPP over TLS; often port 3550).', { default: false }),
  systemId: field.string('The system_id (username) of the SMPP account.', { required: true, max: 15 }),
  password: field.secret('The password of the SMPP account.', { required: true }),
  systemType: field.string('The system_type the SMSC asks for, if any.', { max: 12 }),
  bindMode: field.oneOf('One transceiver bind, or a transmitter bind and a receiver bind.', ['transceiver', 'transmitter-receiver'], { default: 'transceiver' }),
  sourceTon: ton('sender address (default: 1 for +digits, 0 for other digits, 5 for alphanumeric)'),
  sourceNpi: npi('sender address (default: 1 for digits, 0 for alphanumeric)'),
  destTon: field.integer('Type of number of recipients (1 international: E.164 digits without +).', 0, 6, { default: 1 }),
  destNpi: field.integer('Numbering plan of recipients (1 ISDN/E.164).', 0, 18, { default: 1 }),
  window: field.integer('How many submit_sm may await their answer at once.', 1, 100, { default: 10 }),
  enquireLinkSeconds: field.integer('Seconds between enquire_link keep-alives; an SMSC silent for that long again has its link reset.', 1, 3_600, { default: 30 }),
  dataCoding: field.oneOf('auto: GSM-7 when every character fits, else UCS-2; ucs2: always UCS-2; latin1: ISO-8859-1 where it fits, else UCS-2.', ['auto', 'ucs2', 'latin1'], {
    default: 'auto',
  }),
  longMessage: field.oneOf(
    'How texts longer than one SMS go: udh8/udh16 (concatenation header with an 8- or 16-bit reference), sar (SAR TLVs), payload (whole, in message_payload).',
    ['udh8', 'udh16', 'sar', 'payload'],
    { default: 'udh8' },
  ),
  receiptIdFormat: field.oneOf(
    'How delivery receipts write the message id: string (as submit_sm_resp gave it), decimal (receipts decimal, submit_sm_resp hex) or hex (receipts hex, submit_sm_resp decimal).',
    ['string', 'hex', 'decimal'],
    { default: 'string' },
  ),
  // The throughput an SMPP account is sold with (TPS) counts submit_sm PDUs: each part of a long text is one.
  ...pacingFields({ maxPerSecond: 10 }),
});

export type SmppConfig = ReturnType<typeof config.parse>;

/**
 * SMPP 3.4 to any SMSC or aggregator, as an ESME. The worker process that holds a device's link
 * (channels/link-supervisor.ts) keeps it bound, sends the device's messages over it and stores the
 * receipts and contacts' messages the SMSC delivers (smpp-link.ts).
 */
export const smppDriver: ChannelDriver<SmppConfig> = {
  name: 'smpp',
  description: 'SMPP 3.4 to an SMSC or SMS aggregator: long-lived binds, delivery receipts, incoming SMS.',
  channels: ['SMS'],
  config,

  async activate(device) {
    const c = device.config;
    try {
      const session = await bind(c, c.bindMode === 'transceiver' ? 'transceiver' : 'transmitter');
      await unbind(session);
    } catch (error) {
      if (error instanceof DriverError || error instanceof NotNowError) throw new DriverError(error.code, error.message);
      throw error;
    }
  },

  async send() {
    // Never called: the send worker leaves link devices to the process holding the link.
    throw new NotNowError('smpp:no-link', 'SMPP messages are sent by the worker process that holds the link');
  },

  enforcesSessionWindow: () => false,

  linked: true,
};
