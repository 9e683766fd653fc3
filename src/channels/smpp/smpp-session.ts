import { isIP } from 'node:net';
import smpp from 'smpp';
import { DriverError, NotNowError } from '../driver-errors.ts';

// The package decodes short_message and message_payload into text itself, reading data_coding 1
// (IA5) as GSM and turning octets it cannot map into spaces: Switchboard reads and writes the
// octets (short-message.ts), so those fields stay Buffers both ways.
for (const command of Object.values(smpp.commands)) if (command.params?.short_message) delete command.params.short_message.filter;
delete smpp.tlvs.message_payload!.filter;

export type Session = smpp.Session;
export type Pdu = smpp.PDU;
export type BindMode = 'transceiver' | 'transmitter' | 'receiver';

/** What a bind needs from a device's config. */
export type BindConfig = { host: string; port: number; tls: boolean; systemId: string; password: string; systemType?: string };

/** SMPP 3.4. The package would announce 5.0, which strict 3.4 SMSCs refuse. */
const INTERFACE_VERSION = 0x34;
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a bind, an unbind or any other answer may take before the SMSC is taken as gone. */
const ANSWER_TIMEOUT_MS = 10_000;

/** Bind refusals that mean the credentials are wrong: retrying cannot help until they change. */
const CREDENTIAL_REFUSALS = new Set([smpp.errors.ESME_RBINDFAIL, smpp.errors.ESME_RINVPASWD, smpp.errors.ESME_RINVSYSID]);
export const ESME = { ROK: 0, RMSGQFUL: smpp.errors.ESME_RMSGQFUL!, RTHROTTLED: smpp.errors.ESME_RTHROTTLED!, RX_T_APPN: smpp.errors.ESME_RX_T_APPN! };

const NAMES = new Map(Object.entries(smpp.errors).map(([name, status]) => [status, name]));

/** A command_status as the raw code Switchboard keeps: `smpp:0x0000000B`. */
export const statusCode = (status: number) => `smpp:0x${status.toString(16).toUpperCase().padStart(8, '0')}`;
/** Its ESME_ name where SMPP 3.4 names it. */
export const statusName = (status: number) => NAMES.get(status) ?? `command_status ${statusCode(status).slice(5)}`;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]).finally(() => clearTimeout(timer));
}

/** Sends a PDU and waits for its answer (or the session's end, or the timeout). */
function request(session: Session, command: string, fields: Record<string, unknown>, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Pdu> {
  const answer = new Promise<Pdu>((resolve, reject) => {
    const closed = () => reject(new NotNowError('smpp:link-down', `the connection closed before the SMSC answered ${command}`));
    session.once('close', closed);
    const sent = session.send(new smpp.PDU(command, fields), (response) => {
      session.off('close', closed);
      resolve(response);
    });
    if (!sent) closed();
  });
  return withTimeout(answer, timeoutMs, () => new NotNowError('smpp:timeout', `the SMSC did not answer ${command} within ${timeoutMs / 1000} s`));
}

/**
 * Connects to the SMSC and binds. Refused credentials are a DriverError (they will not work until
 * changed); anything else (unreachable, busy, a timeout) is a NotNowError.
 */
export async function bind(config: BindConfig, mode: BindMode): Promise<Session> {
  const where = `${config.host}:${config.port}`;
  // SNI takes a host name only: Node warns (DEP0123) when it is given an IP address.
  const session = smpp.connect({ host: config.host, port: config.port, tls: config.tls, ...(config.tls && !isIP(config.host) ? { servername: config.host } : {}) });
  // Until the link owns the session, an error only fails the connect (unhandled, it would end the process).
  const errors: Error[] = [];
  session.on('error', (error) => errors.push(error));
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        session.once(config.tls ? 'secureConnect' : 'connect', () => resolve());
        session.once('close', () => reject(new NotNowError('smpp:unreachable', `could not connect to ${where}: ${errors[0]?.message ?? 'the connection closed'}`)));
      }),
      CONNECT_TIMEOUT_MS,
      () => new NotNowError('smpp:unreachable', `could not connect to ${where} within ${CONNECT_TIMEOUT_MS / 1000} s`),
    );
    const answer = await request(session, `bind_${mode}`, {
      system_id: config.systemId,
      password: config.password,
      system_type: config.systemType ?? '',
      interface_version: INTERFACE_VERSION,
    });
    if (answer.command_status !== ESME.ROK) {
      const why = `the SMSC refused the bind: ${statusName(answer.command_status)}`;
      throw CREDENTIAL_REFUSALS.has(answer.command_status) ? new DriverError(statusCode(answer.command_status), why) : new NotNowError(statusCode(answer.command_status), why);
    }
    return session;
  } catch (error) {
    session.destroy();
    throw error;
  }
}

/** Unbinds politely (the SMSC's answer waited for briefly), then closes the connection. */
export async function unbind(session: Session): Promise<void> {
  if (!session.socket.destroyed) await request(session, 'unbind', {}, 2_000).catch(() => undefined);
  await new Promise<void>((resolve) => {
    if (session.socket.destroyed) return resolve();
    session.socket.once('close', () => resolve());
    session.close();
    setTimeout(() => session.destroy(), 2_000).unref();
  });
}
