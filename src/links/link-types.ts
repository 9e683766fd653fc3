import type { DriverDevice } from '../channels/driver.ts';
import type { Runtime } from '../runtime.ts';

/**
 * A device's long-lived connection to its provider (an SMPP bind), opened by the worker process
 * that holds the device's lease. While open it sends the device's queued messages and stores what
 * the provider reports; it ends on its own when the connection drops.
 */
export type OpenLink = {
  /** Settles when the connection ended by itself, with why. */
  readonly ended: Promise<Error>;
  /** Requests sent and not yet answered. */
  inFlight(): number;
  /** Stops sending, waits (until the deadline) for answers to what was sent, says goodbye and disconnects. */
  close(deadline: number): Promise<void>;
};

/** What a link may use: the process's runtime, and what lives as long as this process holds the device. */
export type LinkContext = {
  rt: Runtime;
  /** Kept across reconnects while this process holds the device (e.g. parts of a long message already accepted). */
  memory: Map<string, unknown>;
  /** Registers a listener called when new messages may be due (a send was queued). Returns its removal. */
  onWake(listener: () => void): () => void;
};

/**
 * How a linked driver's device is connected (SMPP): connects and binds. Throws DriverError when the
 * provider refuses the device's credentials (not retried until they change), NotNowError otherwise.
 */
export type OpenDeviceLink = (device: DriverDevice<any>, ctx: LinkContext) => Promise<OpenLink>;

