// The parts of the npm `smpp` package (farhadi/node-smpp 0.5.1) Switchboard uses: it ships no typings.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    /** A PDU: its header, and its mandatory fields and TLVs by their SMPP names. */
    interface PDU {
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      [field: string]: any;
      isResponse(): boolean;
      /** The matching `_resp` (generic_nack for an unknown command), with these fields. */
      response(fields?: Record<string, unknown>): PDU;
    }

    interface Session extends EventEmitter {
      readonly socket: Socket;
      /** Writes a PDU; `onResponse` gets its `_resp` (or generic_nack). False when the socket is not writable. */
      send(pdu: PDU, onResponse?: (response: PDU) => void, onSent?: (pdu: PDU) => void): boolean;
      pause(): void;
      resume(): void;
      /** Ends the socket (FIN). */
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      on(event: 'pdu' | string, listener: (pdu: PDU) => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
      on(event: 'close' | 'connect' | 'secureConnect', listener: () => void): this;
      /** Shortcuts: `session.submit_sm(fields, onResponse)`, one per command name. */
      [command: string]: any;
    }

    interface Server extends NetServer {
      readonly sessions: Session[];
    }

    type ConnectOptions = { host: string; port: number; tls?: boolean; rejectUnauthorized?: boolean; servername?: string };
  }

  const smpp: {
    connect(options: smpp.ConnectOptions, listener?: () => void): smpp.Session;
    createServer(options: Record<string, unknown>, listener?: (session: smpp.Session) => void): smpp.Server;
    PDU: new (command: string, fields?: Record<string, unknown>) => smpp.PDU;
    /** The PDU definitions: their fields and the filters that encode and decode them. */
    commands: Record<string, { id: number; params?: Record<string, { filter?: unknown }> }>;
    tlvs: Record<string, { id: number; filter?: unknown }>;
    /** ESME_* names to command_status values. */
    errors: Record<string, number>;
    gsmCoder: { decode(octets: Buffer, table: number): string };
  };
  export = smpp;
}
