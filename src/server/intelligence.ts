/**
 * What the service knows about identifiers: the official directory (from the engine's knowledge), community
 * reports and reviews (the store, through reputation), and the optional src/intel checkers when present.
 */
import type { Engine } from '../engine.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { hashKey, identifiersOf, normalizePhone, type Identifier } from '../store/identifiers.js';
import { reputationOf, reputationSignal, type Reputation } from '../store/reputation.js';
import type { Store } from '../store/types.js';
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

export class Intelligence {
  private readonly phones = new Map<string, DirectoryEntry>();
  private readonly domains = new Map<string, DirectoryEntry>();

  constructor(
    private readonly store: Store,
    readonly engine: Engine,
    readonly intel: IntelModule | null,
  ) {
    for (const e of engine.knowledge.directory) {
      for (const p of e.phones) {
        const n = normalizePhone(p.number);
        if (n) this.phones.set(n, e);
      }
      for (const d of e.domains) this.domains.set(d, e);
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

  async describe(ids: Identifier[]): Promise<IdentifierInfo[]> {
    if (ids.length === 0) return [];
    const hashes = await this.hashes(ids);
    const facts = await this.store.identifierFacts(hashes);
    const now = Date.now();
    return ids.map((id, i) => {
      const directory = this.directoryMatch(id);
      return { type: id.type, value: id.value, directory, reputation: reputationOf(facts.get(hashes[i]!), directory !== null, this.engine.knowledge, now) };
    });
  }

  /** Identifiers in an analysis with what is known about them, and the reputation signals to feed back. */
  async forEntities(entities: readonly Entity[], sender: string | undefined): Promise<{ infos: IdentifierInfo[]; signals: Signal[] }> {
    const ids = identifiersOf(entities, sender);
    const infos = await this.describe(ids);
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
