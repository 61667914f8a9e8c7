/**
 * Link intelligence: where does this link really go? Uses the WHATWG URL parser and tldts (public-suffix list)
 * for the registrable domain; never fetches the link. Look-alikes are judged against the directory's domains.
 */
import { parse as parseDomain } from 'tldts';
import type { CompiledKnowledge } from '../core/knowledge.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { hostNameFits, MAX_HOST, MAX_LABEL } from '../core/entities/host-name.js';
import { isSourced, lookupDomain, resolveBrand } from './directory.js';
import { decodeHost } from './punycode.js';
import { finding, IntelInputError, knowledgeOf, riskOf, sortFindings, type CheckOptions, type Finding, type IntelResult } from './result.js';

export interface UrlDetails {
  href: string;
  scheme: string;
  /** False when the input had no scheme ("alipay.com/x"): then plain http is not held against it. */
  schemeGiven: boolean;
  hostname: string;
  /** The host with xn-- labels decoded: what the victim sees. */
  hostnameUnicode: string;
  /** Registrable domain (public suffix + one label), null for IP hosts. */
  domain: string | null;
  publicSuffix: string | null;
  isIp: boolean;
  port: string | null;
}

export interface UrlCheckOptions extends CheckOptions {
  /** The organisation the text or sender claims to be: directory id, name or alias (or several). */
  claims?: string | string[];
}

export type UrlResult = IntelResult<UrlDetails>;

const MAX_URL = 4096;

export function urlDetails(input: string): { details: UrlDetails; url: URL } {
  let s = input.normalize('NFKC').trim();
  if (!s) throw new IntelInputError('empty link');
  if (s.length > MAX_URL) throw new IntelInputError(`link longer than ${MAX_URL} characters`);
  s = s.replace(/^hxxp/i, 'http').replace(/\[\.\]/g, '.');
  const schemeGiven = /^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(s);
  if (schemeGiven && !/^https?:\/\//i.test(s)) throw new IntelInputError(`only http and https links are checked, not "${s.split(':')[0]}:"`);
  let url: URL;
  try {
    url = new URL(schemeGiven ? s : `http://${s}`);
  } catch {
    throw new IntelInputError(`"${input}" is not a link`);
  }
  const hostname = url.hostname.replace(/\.$/, '');
  if (!hostname || (!hostname.includes('.') && !hostname.startsWith('['))) throw new IntelInputError(`"${input}" has no domain name`);
  if (!hostname.startsWith('[') && !hostNameFits(hostname)) throw new IntelInputError(`"${input.slice(0, 80)}" is no host name: DNS allows ${MAX_HOST} characters, ${MAX_LABEL} per label`);
  const p = parseDomain(hostname);
  return {
    url,
    details: {
      href: url.href,
      scheme: url.protocol.replace(':', ''),
      schemeGiven,
      hostname,
      hostnameUnicode: decodeHost(hostname),
      domain: p.domain,
      publicSuffix: p.publicSuffix,
      isIp: Boolean(p.isIp) || hostname.startsWith('['),
      port: url.port || null,
    },
  };
}

// Characters that render like Latin letters (Cyrillic, Greek, IPA) and ASCII look-alike pairs.
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', ѕ: 's', т: 't', у: 'y', х: 'x',
  ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', ɑ: 'a', ı: 'i', ο: 'o', α: 'a', ν: 'v', ρ: 'p', τ: 't', ι: 'i', κ: 'k', υ: 'u', ε: 'e',
};

/** Folds a label to what it looks like: diacritics off, confusables to Latin, rn → m, vv → w, 0 → o, 1 → l. */
export function skeleton(label: string): string {
  const base = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let out = '';
  for (const ch of base) out += CONFUSABLE[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/1/g, 'l');
}

// Three reused rows: the look-alike check runs for every link of every message.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance, stopping early above `max` (labels are at most 63 characters). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  if (rowA.length < n + 1) [rowA, rowB, rowC] = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}

// Brand keys too generic to judge a host by (a court's own site is often "xxcourt.gov.cn").
const GENERIC_KEYS = new Set(['court', 'china', 'bank', 'pay', 'mobile', 'post', 'www', 'service', 'help', 'online', 'chinapost', 'family']);

interface BrandKey {
  entry: DirectoryEntry;
  key: string;
  domain: string;
}

const keyCache = new WeakMap<CompiledKnowledge, BrandKey[]>();

/** The labels that name each brand: the registrable label of each official domain ("alipay", "sf-express", "10010"). */
function brandKeys(k: CompiledKnowledge): BrandKey[] {
  const cached = keyCache.get(k);
  if (cached) return cached;
  const out: BrandKey[] = [];
  for (const entry of k.data.directory) {
    for (const domain of entry.domains) {
      const p = parseDomain(domain);
      const keys = [p.domainWithoutSuffix ?? ''];
      const sub = (p.subdomain ?? '').split('.').pop() ?? '';
      if (sub.length >= 5) keys.push(sub); // weixin.qq.com → "weixin"
      for (const key of keys) {
        if (key && !GENERIC_KEYS.has(key) && !out.some((b) => b.entry === entry && b.key === key)) out.push({ entry, key, domain });
      }
    }
  }
  keyCache.set(k, out);
  return out;
}

const numberCache = new WeakMap<CompiledKnowledge, { entry: DirectoryEntry; digits: string }[]>();

/** Every official number of at least five digits, digits only, computed once per knowledge. */
function directoryNumbers(k: CompiledKnowledge): { entry: DirectoryEntry; digits: string }[] {
  let list = numberCache.get(k);
  if (!list) {
    list = k.data.directory.flatMap((entry) => entry.phones.map((p) => ({ entry, digits: p.number.replace(/\D/g, '') })).filter((x) => x.digits.length >= 5));
    numberCache.set(k, list);
  }
  return list;
}

function tokenHits(token: string, key: string): boolean {
  if (token === key) return true;
  if (key.length < 4 || /^\d+$/.test(key)) return false; // "jd", "qq", "189": whole tokens only
  // A four-letter key is a prefix of ordinary words ("fetc" of "fetch"): only a digit may follow it ("icbc95588").
  if (key.length === 4) return token.startsWith(key) && /\d/.test(token.charAt(4));
  return token.startsWith(key) || (key.length >= 6 && token.endsWith(key));
}

interface Lookalike {
  id: 'URL_LOOKALIKE' | 'URL_HOMOGLYPH' | 'URL_TYPO_DOMAIN' | 'URL_BRAND_OTHER_SUFFIX';
  entry: DirectoryEntry;
  domain: string;
}

function findLookalike(d: UrlDetails, free: boolean, k: CompiledKnowledge): Lookalike | null {
  if (!d.domain || d.isIp) return null;
  const suffix = d.publicSuffix ?? '';
  const labelsAscii = d.hostname.slice(0, d.hostname.length - suffix.length).replace(/\.$/, '').split('.');
  const labelsShown = d.hostnameUnicode.split('.').slice(0, labelsAscii.length);
  // On a free host the registrable label is the host's own name (github, vercel, amazonaws): judge the subdomain only.
  const own = free ? labelsAscii.slice(0, -1) : labelsAscii;
  const ownShown = free ? labelsShown.slice(0, -1) : labelsShown;
  const tokens = own.flatMap((l) => l.split('-')).filter(Boolean);
  const shown = ownShown.flatMap((l) => l.split('-')).filter(Boolean);
  const keys = brandKeys(k);
  const registrable = (d.domain.slice(0, d.domain.length - suffix.length).replace(/\.$/, '') || '').toLowerCase();

  // Homoglyphs: what the victim SEES spells a brand (аlipay with a Cyrillic а).
  if (d.hostname !== d.hostnameUnicode) {
    for (const b of keys) {
      if (b.key.length >= 4 && shown.some((t) => /[\u0080-\uffff]/.test(t) && (skeleton(t) === b.key || skeleton(t).startsWith(b.key)))) {
        return { id: 'URL_HOMOGLYPH', entry: b.entry, domain: b.domain };
      }
    }
  }
  // The brand's exact name under another ending (chinaunicom.cn vs chinaunicom.com): ambiguous, so weaker.
  for (const b of keys) {
    if (!free && registrable === b.key && (labelsAscii.length === 1 || (labelsAscii.length === 2 && labelsAscii[0] === 'www'))) {
      return { id: 'URL_BRAND_OTHER_SUFFIX', entry: b.entry, domain: b.domain };
    }
  }
  for (const b of keys) {
    if (tokens.some((t) => tokenHits(t, b.key))) return { id: 'URL_LOOKALIKE', entry: b.entry, domain: b.domain };
  }
  // The organisation's phone number inside the host (95516aa.com).
  const digitTokens = tokens.filter((t) => /\d{5}/.test(t));
  if (digitTokens.length > 0) {
    for (const { entry, digits } of directoryNumbers(k)) {
      if (digitTokens.some((t) => t.includes(digits))) return { id: 'URL_LOOKALIKE', entry, domain: entry.domains[0] ?? '' };
    }
  }
  // Typos and ASCII look-alikes of the registrable label (unioay.com, paypa1.com, arnazon.com).
  if (!free && registrable.length >= 4) {
    const sk = skeleton(registrable);
    for (const b of keys) {
      if (b.key.length < 5 || /^\d+$/.test(b.key)) continue;
      const max = b.key.length >= 8 ? 2 : b.key.length >= 6 ? 1 : 0;
      if (sk === b.key || editDistance(registrable, b.key, max) <= max) return { id: 'URL_TYPO_DOMAIN', entry: b.entry, domain: b.domain };
    }
  }
  return null;
}

/** The entry of `list` that `host` is, or is a subdomain of (null when none): shared by every host list. */
export function inList(host: string, list: readonly string[]): string | null {
  for (const d of list) if (host === d || host.endsWith(`.${d}`)) return d;
  return null;
}

export function urlFindings(d: UrlDetails, url: URL | null, claims: DirectoryEntry[], k: CompiledKnowledge): { findings: Finding[]; official: DirectoryEntry | null; officialMatch: boolean } {
  const out: Finding[] = [];
  const lists = k.data.intel;
  const host = d.hostname;
  let official: DirectoryEntry | null = null;
  let officialMatch = false;

  if (url && (url.username || url.password)) {
    out.push(finding(k, 'URL_CREDENTIALS', 'high', { host, before: decodeURIComponent(url.username) }));
  }
  if (d.isIp) out.push(finding(k, 'URL_RAW_IP', 'high', { host }));
  if (d.port) out.push(finding(k, 'URL_NONSTANDARD_PORT', 'medium', { host, port: d.port }));
  if (d.schemeGiven && d.scheme === 'http') out.push(finding(k, 'URL_PLAIN_HTTP', 'low', { host }));

  const owners = d.isIp ? [] : lookupDomain(host, k);
  const owner = owners.find((o) => claims.includes(o.entry)) ?? owners[0];
  const free = lists ? inList(host, lists.freeHosts) !== null : false;
  if (owner) {
    official = owner.entry;
    if (isSourced(owner.verified)) {
      officialMatch = true;
      out.push(finding(k, 'URL_OFFICIAL_DOMAIN', 'info', { host, domain: owner.domain, brand: owner.entry.name.zh, brandEn: owner.entry.name.en }));
    } else {
      out.push(finding(k, 'URL_LISTED_DOMAIN', 'info', { host, domain: owner.domain, brand: owner.entry.name.zh, brandEn: owner.entry.name.en }));
    }
  } else if (lists && inList(host, lists.governmentSuffixes) !== null) {
    // Only a government registers under gov.tw or gov.cn: its own site, whichever office runs it.
    out.push(finding(k, 'URL_GOVERNMENT_DOMAIN', 'info', { host }));
  } else {
    if (lists) {
      const sh = inList(host, lists.shorteners);
      if (sh) out.push(finding(k, 'URL_SHORTENER', 'medium', { host }));
      const fh = inList(host, lists.freeHosts);
      if (fh) out.push(finding(k, 'URL_FREE_HOSTING', 'medium', { host, service: fh }));
      const dd = inList(host, lists.dynamicDns);
      if (dd) out.push(finding(k, 'URL_DYNAMIC_DNS', 'medium', { host, service: dd }));
      const tld = host.split('.').pop() ?? '';
      if (!d.isIp && lists.riskyTlds.includes(tld)) out.push(finding(k, 'URL_RISKY_TLD', 'low', { host, tld }));
    }
    if (host.split('.').some((l) => l.startsWith('xn--'))) {
      // A label mixing Latin letters with other scripts is the homoglyph pattern; a plain 中国.cn is not.
      const mixed = d.hostnameUnicode.split('.').some((l) => /[a-z]/i.test(l) && /[\u0080-\uffff]/.test(l));
      out.push(finding(k, 'URL_PUNYCODE', mixed ? 'medium' : 'low', { host, shown: d.hostnameUnicode }));
    }
    const look = findLookalike(d, free, k);
    if (look) {
      official = look.entry;
      out.push(
        finding(k, look.id, look.id === 'URL_TYPO_DOMAIN' || look.id === 'URL_BRAND_OTHER_SUFFIX' ? 'medium' : 'high', {
          host: d.hostnameUnicode,
          domain: d.domain ?? host,
          official: look.domain,
          brand: look.entry.name.zh,
          brandEn: look.entry.name.en,
        }),
      );
    }
  }
  // The text claims an organisation but the link is not on any of its domains.
  const claimed = claims.find((c) => c.domains.length > 0);
  if (claimed && !owners.some((o) => o.entry === claimed) && !out.some((f) => f.id === 'URL_LOOKALIKE' || f.id === 'URL_HOMOGLYPH')) {
    official ??= claimed;
    out.push(
      finding(k, 'URL_NOT_OFFICIAL_FOR_CLAIM', owner ? 'low' : 'medium', {
        host: d.hostnameUnicode,
        brand: claimed.name.zh,
        brandEn: claimed.name.en,
        official: claimed.domains.slice(0, 2).join(', '),
      }),
    );
  }
  return { findings: out, official, officialMatch };
}

function claimedEntries(claims: string | string[] | undefined, options: CheckOptions): DirectoryEntry[] {
  const list = claims === undefined ? [] : Array.isArray(claims) ? claims : [claims];
  return list.map((c) => {
    const e = resolveBrand(c, options);
    if (!e) throw new IntelInputError(`unknown organisation "${c}" (see: fanzha directory)`);
    return e;
  });
}

/**
 * Checks one link without opening it: registrable domain, official or look-alike, and the usual tricks
 * (raw IP, shortener, free hosting, dynamic DNS, risky TLD, plain http, credentials/@, odd port, punycode).
 * Throws IntelInputError when the input is not an http(s) link or a domain.
 */
export function checkUrl(input: string, options: UrlCheckOptions = {}): UrlResult {
  const k = knowledgeOf(options);
  const { details, url } = urlDetails(input);
  const claims = claimedEntries(options.claims, options);
  const { findings, official, officialMatch } = urlFindings(details, url, claims, k);
  return { input, risk: riskOf(findings, officialMatch), findings: sortFindings(findings), official, details };
}
