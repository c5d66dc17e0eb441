// The host seen from its transports: one dispatch for requests, one stream of events.
import type { OperatorInfo } from '../../common/central-api';
import type { EventName, Result } from '../../common/host-api';

/** One UI connected to the host: the console, a wall page, or a presenter's tablet. */
export interface Connection {
  readonly id: string;
  operator: OperatorInfo | null;
  wall: number | null;
  /** Set by `wall.hello {all: true}`: one window draws every cell and acknowledges for every wall. */
  wallsShown?: number[];
  /** Lets the same UI take its login back after a lost link (see session.resume). */
  resumeKey?: string | null;
  /** The client's network address as the transport sees it (a browser's, for `nawa serve`); absent in Electron. */
  address?: string;
}

export interface HostService {
  /** Parses `input` with the contract's schema, runs the handler, returns errors as data; never throws. */
  dispatch(name: string, input: unknown, conn: Connection): Promise<Result<unknown>>;
  /** Every event the host emits, already valid against the contract. */
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** A transport lost this connection (tab closed, wall unplugged, window crashed). */
  disconnected(conn: Connection): void;
  close(): Promise<void>;
}
