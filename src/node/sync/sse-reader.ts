// Reads a Server-Sent Events body as the standard frames it (CRLF, CR or LF line ends, comments, id, retry,
// multi-line data), through the maintained eventsource-parser rather than a hand-written splitter.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { Change, Heartbeat } from '../../common/central-api';

export type StreamEvent = { type: 'change'; change: Change } | { type: 'heartbeat'; lastSeq: number; time: string };

/** What the stream said about itself by the time it ended. */
export interface StreamEnd {
  /** The last `id:` field seen (the standard's last event ID), if any. */
  lastEventId?: string;
  /** The last `retry:` field seen, in milliseconds, if any. */
  retryMs?: number;
}

/** One event larger than this is refused, so a broken or hostile server cannot fill the memory. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;

export class StreamTooLargeError extends Error {
  constructor() {
    super(`an event of the stream is larger than ${MAX_EVENT_CHARS} characters`);
    this.name = 'StreamTooLargeError';
  }
}

/**
 * Feeds every chunk of `body` to the parser and hands each complete event to `onMessage`;
 * an event cut off by the end of the body is dropped, as the standard says.
 */
export async function readEventStream(
  body: AsyncIterable<Uint8Array>,
  onMessage: (message: EventSourceMessage) => void,
  maxEventChars = MAX_EVENT_CHARS,
): Promise<StreamEnd> {
  const end: StreamEnd = {};
  let tooLarge = false;
  const parser = createParser({
    maxBufferSize: maxEventChars,
    onEvent: (m) => {
      if (m.id !== undefined) end.lastEventId = m.id;
      onMessage(m);
    },
    onRetry: (ms) => {
      end.retryMs = ms;
    },
    // Unknown fields and a bad retry value are ignored by the standard; only an oversized event stops the read.
    onError: (e) => {
      if (e.type === 'max-buffer-size-exceeded') tooLarge = true;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (tooLarge) throw new StreamTooLargeError();
  }
  parser.feed(decoder.decode());
  if (tooLarge) throw new StreamTooLargeError();
  return end;
}

/** The contract's meaning of one SSE event; null for an event type it does not define or data that breaks it. */
export function toStreamEvent(message: EventSourceMessage): StreamEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (message.event === 'change') {
    const c = Change.safeParse(json);
    return c.success ? { type: 'change', change: c.data } : null;
  }
  if (message.event === 'heartbeat') {
    const h = Heartbeat.safeParse(json);
    return h.success ? { type: 'heartbeat', lastSeq: h.data.lastSeq, time: h.data.time } : null;
  }
  return null;
}
