// What both command lines (`nawa hub`, `nawa serve`) need: one rule for a port option, one wait for Ctrl-C.

/** A port from 0 (any free one) to 65535, written as digits only; anything else throws `Err` with the reason. */
export function parsePort(text: string, Err: new (message: string) => Error = Error, flag = '--port'): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Err(`${flag} must be a port number from 0 to 65535, not ${text}`);
  return port;
}

/** Resolves with the signal's name at the first SIGINT or SIGTERM, and listens no longer. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
