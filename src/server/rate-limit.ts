/**
 * Rate limits that hold for the whole service, not just for one process.
 *
 * Counting is in memory, on the hot path: fixed windows aligned to the clock (window n covers
 * [n·windowMs, (n+1)·windowMs)), so every process agrees on which window a request falls in. A request costs a
 * map lookup and two additions — never a database round trip.
 *
 * With a shared store (PostgreSQL, or several worker processes on one SQLite file) every `syncMs` each process
 * adds the hits it counted since its last sync to one table, `rate_limit_hits (window_start, bucket, hits)`, in
 * one statement that returns the totals of all processes; a request is refused when that total plus the hits this
 * process counted since is over the limit. A limit can therefore be overrun only by what the other processes
 * admit within one sync interval (and it is never undercounted). If the database does not answer, a process keeps
 * its own hits (sent with the next sync that works) and goes on enforcing what it knows. Buckets are salted hashes
 * of "limiter, window length, key": no client address is written to the database. Old windows are deleted.
 */
import { hashKey } from '../store/identifiers.js';
import type { RateHits, Store } from '../store/types.js';

export interface RateDecision {
  /** Over the limit: refuse the request. */
  exceeded: boolean;
  /** Requests counted in this window so far (all processes, as far as this one knows), this one included. */
  count: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

interface Counter {
  window: number;
  /** Total of all processes as last read from the store (includes this process's synced hits). */
  shared: number;
  /** Hits sent in the sync that is under way. */
  inflight: number;
  /** Hits counted since. */
  unsynced: number;
  /** The limit the last request was held to. */
  max: number;
  bucket: string | null;
}

/** Keys counted per limiter and process; past this, the key first seen longest ago is forgotten. */
export const MAX_KEYS = 100_000;

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private window = -Infinity;

  constructor(
    /** Distinguishes limiters sharing a table ("ip", "key"). */
    readonly name: string,
    readonly windowMs: number,
  ) {}

  /** Counts one request for `key` and says whether it is over `max`. */
  hit(key: string, max: number, now = Date.now()): RateDecision {
    const window = Math.floor(now / this.windowMs);
    if (window > this.window) {
      this.window = window;
      this.sweep(window);
    }
    let c = this.counters.get(key);
    if (c === undefined) {
      // Map order is insertion order: the first key is the one seen longest ago.
      if (this.counters.size >= MAX_KEYS) this.counters.delete(this.counters.keys().next().value!);
      c = { window, shared: 0, inflight: 0, unsynced: 0, max, bucket: null };
      this.counters.set(key, c);
    } else if (c.window !== window) {
      c.window = window;
      c.shared = 0;
      c.inflight = 0;
      c.unsynced = 0;
    }
    c.unsynced++;
    c.max = max;
    const count = c.shared + c.inflight + c.unsynced;
    return { exceeded: count > max, count, retryAfter: this.retryAfter(window, now) };
  }

  /**
   * Counts `cost` more requests for `key`, already hit in this window (a batch of n items costs n: its request
   * was counted on the way in, the other n − 1 here), but only when they fit under `max`: a batch that would not
   * fit is refused whole and costs only its one request.
   */
  charge(key: string, max: number, cost: number, now = Date.now()): RateDecision {
    const window = Math.floor(now / this.windowMs);
    const c = this.counters.get(key);
    const before = c !== undefined && c.window === window ? c.shared + c.inflight + c.unsynced : 0;
    const retryAfter = this.retryAfter(window, now);
    if (cost <= 0) return { exceeded: before > max, count: before, retryAfter };
    if (before + cost > max) return { exceeded: true, count: before + cost, retryAfter };
    if (c === undefined || c.window !== window) {
      // The key was forgotten (or the window rolled over) since its request came in: count the whole batch.
      const d = this.hit(key, max, now);
      if (cost > 1) this.counters.get(key)!.unsynced += cost - 1;
      return { ...d, count: d.count + cost - 1 };
    }
    c.unsynced += cost;
    return { exceeded: false, count: before + cost, retryAfter };
  }

  /** Seconds until `window` ends. */
  private retryAfter(window: number, now: number): number {
    return Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
  }

  /** Once per window: forgets keys of windows before the last one (hits still to send stay until sent). */
  private sweep(window: number): void {
    for (const [k, c] of this.counters) {
      if (c.window < window - 1 || (c.window < window && c.unsynced === 0 && c.inflight === 0)) this.counters.delete(k);
    }
  }

  /** Number of keys held (for tests and metrics). */
  get size(): number {
    return this.counters.size;
  }

  /**
   * Takes the hits to send: one row per key hit since the last sync, and a row of 0 hits (a refresh) for each key
   * of this window that is past half its limit, so this process learns what the others counted before its next
   * request. `bucketOf` names a key in the store. Returns what `settle` needs to apply the answer.
   */
  take(now: number, bucketOf: (key: string) => string): { rows: RateHits[]; sent: Map<string, Counter> } {
    const window = Math.floor(now / this.windowMs);
    const rows: RateHits[] = [];
    const sent = new Map<string, Counter>();
    for (const [key, c] of this.counters) {
      if (c.unsynced === 0) {
        if (c.window < window) {
          // A key from a past window is forgotten.
          if (c.inflight === 0) this.counters.delete(key);
        } else if (c.inflight === 0 && c.bucket !== null && 2 * c.shared >= c.max) {
          rows.push({ windowStart: c.window * this.windowMs, bucket: c.bucket, hits: 0 });
          sent.set(c.bucket, c);
        }
        continue;
      }
      if (c.window < window - 1) {
        // Hits of a window long gone matter to nobody.
        this.counters.delete(key);
        continue;
      }
      c.bucket ??= bucketOf(key);
      c.inflight += c.unsynced;
      rows.push({ windowStart: c.window * this.windowMs, bucket: c.bucket, hits: c.unsynced });
      c.unsynced = 0;
      sent.set(c.bucket, c);
    }
    return { rows, sent };
  }

  /** Applies the totals the store returned (null: the sync failed, keep the hits for the next one). */
  settle(sent: Map<string, Counter>, rows: RateHits[], totals: RateHits[] | null): void {
    if (totals === null) {
      for (const r of rows) {
        const c = sent.get(r.bucket);
        if (c && c.window * this.windowMs === r.windowStart) {
          c.inflight -= r.hits;
          c.unsynced += r.hits;
        }
      }
      return;
    }
    const byBucket = new Map<string, number>();
    for (const t of totals) byBucket.set(`${t.windowStart}|${t.bucket}`, t.hits);
    for (const r of rows) {
      const c = sent.get(r.bucket);
      if (!c || c.window * this.windowMs !== r.windowStart) continue; // the window rolled over meanwhile
      c.inflight -= r.hits;
      const total = byBucket.get(`${r.windowStart}|${r.bucket}`);
      // The total includes the hits just sent; counts only grow within a window.
      if (total !== undefined) c.shared = Math.max(c.shared + r.hits, total);
      else c.shared += r.hits;
    }
  }
}

export interface RateSyncOptions {
  store: Store;
  limiters: RateLimiter[];
  syncMs: number;
  onError?: (err: unknown) => void;
}

/** Shares the limiters' counts through the store every `syncMs`; returns a function that stops (after a last sync). */
export function startRateSync(o: RateSyncOptions): { stop: () => Promise<void>; sync: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let lastPurge = 0;
  let failing = false;
  const fail = (err: unknown): void => {
    if (!failing) o.onError?.(err);
    failing = true;
  };
  const once = async (): Promise<void> => {
    const now = Date.now();
    let salt: string;
    try {
      salt = await o.store.salt();
    } catch (err) {
      fail(err); // nothing taken yet: the hits stay for the next sync
      return;
    }
    const parts = o.limiters.map((l) => ({ l, ...l.take(now, (key) => hashKey(salt, `rate:${l.name}:${l.windowMs}:${key}`).slice(0, 24)) }));
    const rows = parts.flatMap((p) => p.rows);
    let totals: RateHits[] | null = null;
    try {
      totals = rows.length > 0 ? await o.store.addRateHits(rows) : [];
      failing = false;
    } catch (err) {
      fail(err);
    }
    for (const p of parts) p.l.settle(p.sent, p.rows, totals);
    const longest = Math.max(...o.limiters.map((l) => l.windowMs));
    if (totals !== null && now - lastPurge >= longest) {
      lastPurge = now;
      // Windows that ended more than one window ago are over for every process.
      await o.store.purgeRateHits(now - 2 * longest).catch(() => {});
    }
  };
  const sync = (): Promise<void> => {
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void sync(), o.syncMs);
  timer.unref();
  return {
    sync,
    stop: async () => {
      clearInterval(timer);
      await running;
      await sync();
    },
  };
}
