/**
 * Identifier keys: one canonical string per phone number, domain, payment account, IM handle or app, so a
 * report, a lookup and an entity the engine finds in a message all meet on the same key. Keys are matched as
 * salted hashes (HMAC-SHA256), never as raw numbers.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { hostNameFits } from '../core/entities/host-name.js';
import type { Entity } from '../core/types.js';

export type IdentifierType = 'phone' | 'url' | 'account' | 'handle' | 'app';

export interface Identifier {
  type: IdentifierType;
  /** "phone:13800138000", "url:example.cn", "account:6222…", "handle:wxid_abc", "app:xx金融". */
  key: string;
  /** What to show (normalised, unmasked). */
  value: string;
}

const MAX_VALUE = 200;

/** Hashes remembered per salt: a busy service sees the same numbers, hosts and senders again and again. */
export const HASH_MEMO_SIZE = 10_000;

let saltKey: { salt: string; key: KeyObject; memo: Map<string, string> } | null = null;

/** How many hashes are remembered now (for tests: the memo is bounded and skips ID and account numbers). */
export function hashMemoSize(): number {
  return saltKey?.memo.size ?? 0;
}

export function hashKey(salt: string, key: string): string {
  // A store has one salt: import it as a key object once instead of on every hash (several per request), and
  // remember recent answers (an HMAC is ≈ 5 µs; a map hit ≈ 0.1 µs). Bounded: past HASH_MEMO_SIZE entries the
  // oldest goes (insertion order), so a stream of never-repeated identifiers costs one map delete per hash; keys
  // over 256 characters, and ID and account numbers, are not kept (at most a few MB in all).
  if (saltKey?.salt !== salt) saltKey = { salt, key: createSecretKey(salt, 'utf8'), memo: new Map() };
  const memo = saltKey.memo;
  let h = memo.get(key);
  if (h === undefined) {
    h = createHmac('sha256', saltKey.key).update(key).digest('base64url');
    // ID and payment-account numbers are not kept in the clear even in memory (the store keeps only their hashes).
    if (key.length <= 256 && !key.startsWith('id:') && !key.startsWith('account:')) {
      if (memo.size >= HASH_MEMO_SIZE) memo.delete(memo.keys().next().value!);
      memo.set(key, h);
    }
  }
  return h;
}

/** Digits only, without a +86 / 0086 country prefix. */
export function normalizePhone(raw: string): string | null {
  let d = raw.replace(/[\s\-().]/g, '');
  if (!/^\+?[0-9]{3,20}$/.test(d)) return null;
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
  else if (d.startsWith('+')) d = `00${d.slice(1)}`;
  return d.length >= 3 ? d : null;
}

/** The host of a link, lower-case and punycode-decoded-to-ASCII, without "www.". */
export function normalizeHost(raw: string): string | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 2048) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(s) ? s : `http://${s}`);
    const host = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    // An IPv6 host comes bracketed from the URL parser; a dotless word of hex letters ("cafe") is no host.
    if (/^\[[0-9a-f:.]+\]$/.test(host)) return host;
    return host.includes('.') && hostNameFits(host) ? host : null;
  } catch {
    return null;
  }
}

function normalizeText(raw: string): string | null {
  const v = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return v.length > 0 && v.length <= MAX_VALUE ? v : null;
}

export function identifier(type: IdentifierType, raw: string): Identifier | null {
  let value: string | null;
  switch (type) {
    case 'phone':
      value = normalizePhone(raw);
      break;
    case 'url':
      value = normalizeHost(raw);
      break;
    case 'account': {
      const compact = raw.replace(/[\s-]/g, '');
      value = /^[0-9]{8,30}$/.test(compact) ? compact : normalizeText(raw);
      break;
    }
    default:
      value = normalizeText(raw);
  }
  return value ? { type, key: `${type}:${value}`, value } : null;
}

const HANDLE_KINDS = new Set(['wechat', 'qq', 'whatsapp', 'telegram', 'line']);

/** The identifiers in an analysis worth looking up: phones, link hosts, card numbers, IM handles, the sender. */
export function identifiersOf(entities: readonly Entity[], sender?: string): Identifier[] {
  const out = new Map<string, Identifier>();
  const add = (id: Identifier | null): void => {
    if (id && !out.has(id.key)) out.set(id.key, id);
  };
  if (sender) add(identifier('phone', sender) ?? identifier('handle', sender));
  for (const e of entities) {
    if (e.kind === 'phone') add(identifier('phone', e.value));
    else if (e.kind === 'url') add(identifier('url', e.value));
    else if (e.kind === 'bank_card') add(identifier('account', e.value));
    else if (HANDLE_KINDS.has(e.kind)) add(identifier('handle', e.value));
    if (out.size >= 50) break;
  }
  return [...out.values()];
}
