/**
 * What the service knows about identifiers: the official directory (from the engine's knowledge), community
 * reports and reviews (the store, through reputation), and the optional src/intel checkers when present.
 */
import type { Engine } from '../engine.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { hashKey, identifiersOf, normalizePhone, type Identifier } from '../store/identifiers.js';
import { reputationOf, reputationSignal, type Reputation } from '../store/reputation.js';
import type { IdentifierFacts, Store } from '../store/types.js';
import type { Entity, Signal, Span } from '../core/types.js';

export interface DirectoryMatch {
  id: string;
  name: { zh: string; en: string };
  kind: string;
  verified: string;
  /** What matched: the number or the domain. */
  matched: string;
}

export interface IdentifierInfo {
  type: Identifier['type'];
  value: string;
  directory: DirectoryMatch | null;
  reputation: Reputation;
}

/** The optional intelligence module (src/intel): phone and link checkers. Shapes are passed through. */
export interface IntelModule {
  checkPhone?: (input: string, options?: { knowledge?: unknown }) => unknown;
  checkUrl?: (input: string, options?: { knowledge?: unknown }) => unknown;
}

/** The part of an intel result the service reads ({input, risk, findings, official, details}). */
export interface IntelCheck {
  risk?: 'high' | 'medium' | 'low' | 'unknown';
  findings?: { id: string; severity: string; explanation: { zh: string; en: string } }[];
}

export async function loadIntel(): Promise<IntelModule | null> {
  // A variable specifier: src/intel is built by another part of the project and may be absent.
  const spec = '../intel/index.js';
  try {
    const mod = (await import(spec)) as IntelModule;
    return typeof mod.checkPhone === 'function' || typeof mod.checkUrl === 'function' ? mod : null;
  } catch {
    return null;
  }
}

/** Most "nobody reported it" answers a process keeps (≈ 100 bytes each). */
export const UNKNOWN_CACHE_MAX = 50_000;

export interface IntelligenceOptions {
  /**
   * How long (ms) analyze may reuse a "nobody reported this identifier" answer; 0 (the default here; the server's
   * default is 1000, FANZHA_UNKNOWN_CACHE_MS) asks the store every time. Only negative answers are kept, this
   * process's own reports, reviews and feedback drop them at once, and lookups never use them: a report written
   * through another process reaches this one's analyze within this time.
   */
  unknownCacheMs?: number;
}

export class Intelligence {
  private readonly phones = new Map<string, DirectoryEntry>();
  private readonly domains = new Map<string, DirectoryEntry>();
  private readonly cacheMs: number;
  /**
   * Hash → until when (performance.now() ms: monotonic, so a wall-clock step cannot stretch it) "nobody reported it"
   * holds. Map order is roughly expiry order (re-set on refresh; concurrent questions may interleave), enough for
   * evicting the oldest.
   */
  private readonly unknownUntil = new Map<string, number>();
  /** Bumped by every write of this process that may change facts: answers asked before it are not kept. */
  private generation = 0;
  private readonly unwatch: (() => void) | null;

  constructor(
    private readonly store: Store,
    readonly engine: Engine,
    readonly intel: IntelModule | null,
    options: IntelligenceOptions = {},
  ) {
    for (const e of engine.knowledge.directory) {
      for (const p of e.phones) {
        const n = normalizePhone(p.number);
        if (n) this.phones.set(n, e);
      }
      for (const d of e.domains) this.domains.set(d, e);
    }
    // Without change notices from the store a cached answer could outlive this process's own reports: no cache.
    const ms = options.unknownCacheMs ?? 0;
    this.cacheMs = store.watchIdentifiers && Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.unwatch = this.cacheMs > 0 ? store.watchIdentifiers!((hashes) => this.forget(hashes)) : null;
  }

  /** Stops listening to the store (the server calls it on close). */
  close(): void {
    this.unwatch?.();
    this.unknownUntil.clear();
  }

  /** Drops cached answers for these hashes (null: all) after a write of this process. */
  private forget(hashes: string[] | null): void {
    this.generation++;
    if (hashes === null) this.unknownUntil.clear();
    else for (const h of hashes) this.unknownUntil.delete(h);
  }

  /**
   * Facts for the hashes. With `cached`, hashes known to be unreported (within cacheMs) are not asked about.
   * Every answer refreshes the cache: absent hashes become "unknown until asked + cacheMs", present ones leave it.
   */
  private async facts(hashes: string[], cached: boolean): Promise<Map<string, IdentifierFacts>> {
    if (this.cacheMs === 0) return this.store.identifierFacts(hashes);
    // The clock starts when the question is asked, so an answer is never used longer than cacheMs after the
    // database gave it: a report committed by another process shows within cacheMs.
    const asked = performance.now();
    let ask = hashes;
    if (cached) {
      ask = hashes.filter((h) => {
        const until = this.unknownUntil.get(h);
        return until === undefined || until <= asked;
      });
      if (ask.length === 0) return new Map();
    }
    const generation = this.generation;
    const facts = await this.store.identifierFacts(ask);
    // A report, review or feedback of this process committed while the question was out: the answer may
    // predate it, so it is used for this request only.
    if (generation === this.generation) this.remember(ask, facts, asked + this.cacheMs);
    return facts;
  }

  private remember(asked: string[], facts: Map<string, IdentifierFacts>, until: number): void {
    const m = this.unknownUntil;
    for (const h of asked) {
      m.delete(h);
      if (facts.has(h)) continue;
      if (m.size >= UNKNOWN_CACHE_MAX) {
        // Oldest first: drop the expired ones, and at least one.
        const now = performance.now();
        for (const [k, t] of m) {
          if (t > now && m.size < UNKNOWN_CACHE_MAX) break;
          m.delete(k);
        }
      }
      m.set(h, until);
    }
  }

  directoryMatch(id: Identifier): DirectoryMatch | null {
    let entry: DirectoryEntry | undefined;
    let matched = id.value;
    if (id.type === 'phone') entry = this.phones.get(id.value);
    else if (id.type === 'url') {
      // The value is the normalised host (identifier()). The registered domain or any subdomain of it
      // (pay.alipay.com), never a look-alike (alipay.com.evil.cn).
      for (let h: string | null = id.value; h && !entry; h = h.includes('.') ? h.slice(h.indexOf('.') + 1) : null) {
        entry = this.domains.get(h);
        if (entry) matched = h;
      }
    }
    return entry ? { id: entry.id, name: entry.name, kind: entry.kind, verified: entry.verified, matched } : null;
  }

  async hashes(ids: Identifier[]): Promise<string[]> {
    const salt = await this.store.salt();
    return ids.map((i) => hashKey(salt, i.key));
  }

  /**
   * What is known about the identifiers. `cached: true` (analyze) may reuse a recent "nobody reported it" answer;
   * without it (lookup) the store is always asked.
   */
  async describe(ids: Identifier[], options: { cached?: boolean } = {}): Promise<IdentifierInfo[]> {
    if (ids.length === 0) return [];
    const hashes = await this.hashes(ids);
    const facts = await this.facts(hashes, options.cached === true);
    const now = Date.now();
    return ids.map((id, i) => {
      const directory = this.directoryMatch(id);
      return { type: id.type, value: id.value, directory, reputation: reputationOf(facts.get(hashes[i]!), directory !== null, this.engine.knowledge, now) };
    });
  }

  /** Identifiers in an analysis with what is known about them, and the reputation signals to feed back. */
  async forEntities(entities: readonly Entity[], sender: string | undefined): Promise<{ infos: IdentifierInfo[]; signals: Signal[] }> {
    const ids = identifiersOf(entities, sender);
    const infos = await this.describe(ids, { cached: true });
    const signals: Signal[] = [];
    infos.forEach((info, i) => {
      // Nothing known (the common case) or waiting for an analyst: no signal, so no spans to find.
      if (info.reputation.status === 'unknown' || info.reputation.status === 'pending_review') return;
      const spans: Span[] = entities
        .filter((e) => identifiersOf([e])[0]?.key === ids[i]!.key)
        .slice(0, 1)
        .map((e) => ({ start: e.start, end: e.end }));
      const s = reputationSignal(info.reputation, info.value, spans, this.engine.knowledge);
      if (s) signals.push(s);
    });
    return { infos, signals };
  }

  /** The intel checkers' findings for one identifier, or null when none applies or none is installed. */
  check(id: Identifier, raw: string): (IntelCheck & Record<string, unknown>) | null {
    const options = { knowledge: this.engine.knowledge };
    try {
      // Links are checked as given (the path matters), numbers as normalised.
      if (id.type === 'phone' && this.intel?.checkPhone) return (this.intel.checkPhone(id.value, options) as IntelCheck & Record<string, unknown>) ?? null;
      if (id.type === 'url' && this.intel?.checkUrl) return (this.intel.checkUrl(raw, options) as IntelCheck & Record<string, unknown>) ?? null;
    } catch {
      return null;
    }
    return null;
  }
}
