/** Search and lookup over the official-contact directory (data/directory.yaml). Pure: no I/O. */
import { compactString } from '../core/normalize/normalize.js';
import type { CompiledKnowledge } from '../core/knowledge.js';
import type { DirectoryEntry, DirectoryPhone } from '../knowledge/schema.js';
import { knowledgeOf, type CheckOptions } from './result.js';

export type VerifiedLevel = DirectoryEntry['verified'];

export interface PhoneMatch {
  entry: DirectoryEntry;
  phone: DirectoryPhone;
  /** The phone's own level, else the entry's. */
  verified: VerifiedLevel;
}

/** True when a level is good enough to call something "official" (general knowledge never is). */
export function isSourced(level: VerifiedLevel): boolean {
  return level === 'official' || level === 'secondary';
}

function fold(s: string, k: CompiledKnowledge): string {
  return compactString(s, k.data.t2s).toLowerCase();
}

/** Entries whose id, names, aliases, numbers (any display) or domains contain the query; all entries for an empty query. */
export function searchDirectory(query: string | undefined, options?: CheckOptions): DirectoryEntry[] {
  const k = knowledgeOf(options);
  const q = fold(query ?? '', k);
  if (!q) return [...k.data.directory];
  const digits = /^[\d+\s()-]+$/.test(query ?? '') ? (query ?? '').replace(/\D/g, '') : '';
  return k.data.directory.filter((d) => {
    if (digits && d.phones.some((p) => p.number.replace(/\D/g, '').includes(digits))) return true;
    const hay = [d.id, d.name.zh, d.name.en, ...d.aliases, ...d.domains, ...d.phones.map((p) => p.display)];
    return hay.some((h) => fold(h, k).includes(q));
  });
}

/** The one entry a brand claim means: id, exact name or exact alias (after normalisation); null if none. */
export function resolveBrand(claim: string, options?: CheckOptions): DirectoryEntry | null {
  const k = knowledgeOf(options);
  const q = fold(claim, k);
  if (!q) return null;
  const byId = k.directoryById.get(claim.trim().toLowerCase());
  if (byId) return byId;
  const exact = k.data.directory.find((d) => [d.name.zh, d.name.en, ...d.aliases].some((a) => fold(a, k) === q));
  if (exact) return exact;
  // "拼多多客服", "支付宝官方": the longest alias the claim contains.
  let best: { d: DirectoryEntry; len: number } | null = null;
  for (const d of k.data.directory) {
    for (const a of [d.name.zh, d.name.en, ...d.aliases]) {
      const f = fold(a, k);
      if (f.length >= 2 && q.includes(f) && (!best || f.length > best.len)) best = { d, len: f.length };
    }
  }
  return best?.d ?? null;
}

interface DirectoryNumber {
  entry: DirectoryEntry;
  phone: DirectoryPhone;
  /** The number's digits only. */
  digits: string;
  /** For numbers dialled with an area code: that code and the number. */
  withArea: RegExp | null;
}

const numberCache = new WeakMap<CompiledKnowledge, DirectoryNumber[]>();

/** Every directory number with its digits and area-code pattern, prepared once per knowledge (every phone entity is looked up). */
function directoryNumbers(k: CompiledKnowledge): DirectoryNumber[] {
  let list = numberCache.get(k);
  if (!list) {
    list = [];
    for (const entry of k.data.directory) {
      for (const phone of entry.phones) {
        const digits = phone.number.replace(/\D/g, '');
        list.push({ entry, phone, digits, withArea: phone.withAreaCode ? new RegExp(`^0\\d{2,3}${digits}$`) : null });
      }
    }
    numberCache.set(k, list);
  }
  return list;
}

/** Directory numbers equal to these national digits (an area code in front is allowed for numbers dialled with one). */
export function lookupPhone(national: string, k: CompiledKnowledge): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const { entry, phone, digits, withArea } of directoryNumbers(k)) {
    if (digits === national || (withArea !== null && withArea.test(national))) out.push({ entry, phone, verified: phone.verified ?? entry.verified });
  }
  return out;
}

/** Directory numbers that these digits START with, plus 1–6 extra digits (95188 → 9518866): a look-alike. */
export function lookupPhonePrefix(national: string, k: CompiledKnowledge): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const { entry, phone, digits: n } of directoryNumbers(k)) {
    if (n.length >= 5 && national.length > n.length && national.length <= n.length + 6 && national.startsWith(n)) {
      out.push({ entry, phone, verified: phone.verified ?? entry.verified });
    }
  }
  return out;
}

export interface DomainMatch {
  entry: DirectoryEntry;
  domain: string;
  verified: VerifiedLevel;
}

/** Directory entries that own this host name (the domain itself or any subdomain of it). */
export function lookupDomain(hostname: string, k: CompiledKnowledge): DomainMatch[] {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const out: DomainMatch[] = [];
  for (const entry of k.data.directory) {
    for (const domain of entry.domains) {
      if (host === domain || host.endsWith(`.${domain}`)) out.push({ entry, domain, verified: entry.domainsVerified ?? entry.verified });
    }
  }
  // Most specific domain first (pay.weixin.qq.com before qq.com).
  return out.sort((a, b) => b.domain.length - a.domain.length);
}

/** The numbers sourced well enough to call "official" (general knowledge never is). */
export function sourcedPhones(entry: DirectoryEntry): DirectoryPhone[] {
  return entry.phones.filter((p) => isSourced(p.verified ?? entry.verified));
}

/** How an entry's first sourced numbers read in a sentence: "95188", "95017 / 400-670-0700"; "" when none is sourced. */
export function phoneList(entry: DirectoryEntry, max = 2): string {
  return sourcedPhones(entry)
    .slice(0, max)
    .map((p) => p.display)
    .join(' / ');
}
