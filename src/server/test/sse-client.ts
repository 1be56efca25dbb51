import { type LiveEvent, liveEventSchema } from '../../core/live/live-event.schema';

/** One server-sent event as received. */
export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
}

/**
 * A minimal EventSource for tests: opens a stream with fetch, parses messages as they arrive, and
 * lets a test wait for what it expects. Comments (heartbeats) and `retry:` lines are skipped.
 */
export class SseStream {
  readonly messages: SseMessage[] = [];
  #ended = false;
  #waiters: (() => void)[] = [];

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    const stream = new SseStream(response.status, abort);
    if (response.status !== 200 || !response.body) {
      stream.#ended = true;
      stream.messages.push({ id: null, event: 'error', data: await response.text() });
      return stream;
    }
    void stream.#pump(response.body);
    return stream;
  }

  async #pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close(), or the server went away
    } finally {
      this.#ended = true;
      this.#notify();
    }
  }

  #parse(block: string): void {
    let id: string | null = null;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    this.messages.push({ id, event, data: data.join('\n') });
    this.#notify();
  }

  #notify(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** True once the server ended the stream (or it was closed). */
  get ended(): boolean {
    return this.#ended;
  }

  /** The live events received so far, parsed and checked against the contract. */
  get events(): LiveEvent[] {
    return this.messages
      .filter((m) => m.event !== 'error')
      .map((m) => liveEventSchema.parse(JSON.parse(m.data)));
  }

  /** Waits until `done` holds for what has arrived, or fails after `timeoutMs`. */
  async waitFor(done: (stream: SseStream) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.#ended) throw new Error(`the stream ended; received ${this.messages.length}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out; received ${JSON.stringify(this.messages.map((m) => m.id))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server ends the stream. */
  async waitForEnd(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#ended) {
      if (Date.now() > deadline) throw new Error('the stream did not end');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

/** Lets events that might still arrive do so: used before asserting that nothing more came. */
export const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));
