import type { HostApi } from '../../src/common/host-api';

/** The host API plus what a UI needs to know about the link itself. */
export interface NawaHost extends HostApi {
  readonly connected: boolean;
  /** Called with every change of the link; a wall re-sends `wall.hello` on `true`. */
  onConnection(listener: (connected: boolean) => void): () => void;
}
