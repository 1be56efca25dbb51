import type { Viewer } from '../accounts/viewer';
import { isReleasableTo } from '../markings';
import type { LiveEvent } from './live-event.schema';
import type { LiveEventRow } from './live-event.repository';
import { toLiveEvent } from './live-event.service';

/** Reads a meeting's stored events after a sequence number, in order (see listLiveEventsAfter). */
export type ReadLiveEvents = (
  meetingId: string,
  afterSeq: number,
  limit: number,
) => Promise<LiveEventRow[]>;

export interface LiveSubscription {
  /** Stops delivery; idempotent. */
  close(): void;
}

interface Subscriber {
  viewer: Viewer;
  /** The last event this subscriber is past (sent, or skipped as not releasable to it). */
  lastSeq: number;
  send: (event: LiveEvent) => void;
  onClose: () => void;
  closed: boolean;
}

interface Channel {
  meetingId: string;
  subscribers: Set<Subscriber>;
  running: boolean;
  again: boolean;
}

const PAGE = 500;

/**
 * One process's fan-out of live events. The stored events are the truth; a wake-up (NOTIFY, or a
 * local write on SQLite) only says "read again". Each meeting has one reader at a time, which reads
 * what is new once and hands each event to every subscriber that has not yet passed it and may read
 * it (`isReleasableTo`). Every subscriber so receives each releasable event exactly once, in order,
 * and a new one (or one resuming from Last-Event-ID) is first replayed what it has not seen.
 */
export class LiveHub {
  readonly #channels = new Map<string, Channel>();
  #closed = false;

  constructor(
    private readonly read: ReadLiveEvents,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly retryMs = 1000,
  ) {}

  /** Subscribes to a meeting's board from just after `afterSeq` (0: from the start). */
  subscribe(
    meetingId: string,
    viewer: Viewer,
    afterSeq: number,
    send: (event: LiveEvent) => void,
    onClose: () => void = () => undefined,
  ): LiveSubscription {
    const subscriber: Subscriber = {
      viewer,
      lastSeq: afterSeq,
      send,
      onClose,
      closed: this.#closed,
    };
    if (this.#closed) {
      onClose();
      return { close: () => undefined };
    }
    let channel = this.#channels.get(meetingId);
    if (!channel) {
      channel = { meetingId, subscribers: new Set(), running: false, again: false };
      this.#channels.set(meetingId, channel);
    }
    channel.subscribers.add(subscriber);
    this.wake(meetingId);
    return { close: () => this.#remove(meetingId, subscriber) };
  }

  /** Something may be new on this meeting's board: read and deliver it. */
  wake(meetingId: string): void {
    const channel = this.#channels.get(meetingId);
    if (!channel) return;
    channel.again = true;
    if (!channel.running) void this.#run(channel);
  }

  /** After the notification link was down: anything may have been missed, read every board again. */
  wakeAll(): void {
    for (const meetingId of this.#channels.keys()) this.wake(meetingId);
  }

  get subscriberCount(): number {
    let n = 0;
    for (const channel of this.#channels.values()) n += channel.subscribers.size;
    return n;
  }

  /** Ends every subscription (the server is closing); later subscriptions end at once. */
  close(): void {
    this.#closed = true;
    for (const [meetingId, channel] of this.#channels) {
      for (const subscriber of channel.subscribers) this.#remove(meetingId, subscriber);
    }
  }

  #remove(meetingId: string, subscriber: Subscriber): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    const channel = this.#channels.get(meetingId);
    channel?.subscribers.delete(subscriber);
    if (channel && channel.subscribers.size === 0 && !channel.running) {
      this.#channels.delete(meetingId);
    }
    subscriber.onClose();
  }

  async #run(channel: Channel): Promise<void> {
    channel.running = true;
    try {
      while (channel.again) {
        channel.again = false;
        await this.#drain(channel);
      }
    } catch (error) {
      this.onError(error);
      // Nothing is lost: the events stay stored; try again shortly while anyone is listening.
      setTimeout(() => this.wake(channel.meetingId), this.retryMs).unref();
    } finally {
      channel.running = false;
      if (channel.subscribers.size === 0) this.#channels.delete(channel.meetingId);
      else if (channel.again) void this.#run(channel);
    }
  }

  async #drain(channel: Channel): Promise<void> {
    // Only subscribers present when the read starts take part, so each receives events in order;
    // one that joins meanwhile set `again` and is served by the next pass, from its own position.
    const taking = [...channel.subscribers];
    if (taking.length === 0) return;
    let after = Math.min(...taking.map((s) => s.lastSeq));
    for (;;) {
      const rows = await this.read(channel.meetingId, after, PAGE);
      for (const row of rows) {
        const event = toLiveEvent(row);
        for (const subscriber of taking) {
          if (subscriber.closed || row.seq <= subscriber.lastSeq) continue;
          subscriber.lastSeq = row.seq;
          if (!isReleasableTo(subscriber.viewer, row)) continue;
          try {
            subscriber.send(event);
          } catch (error) {
            // A connection that cannot be written to is gone: drop it, keep serving the others.
            this.onError(error);
            this.#remove(channel.meetingId, subscriber);
          }
        }
        after = row.seq;
      }
      if (rows.length < PAGE) return;
    }
  }
}
