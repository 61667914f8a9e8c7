/**
 * Feature hashing for the learned model. Pure and allocation-light: features are written into a caller-owned
 * buffer, so scoring a message allocates nothing big.
 *
 * Features (all hashed into 2^bits buckets):
 * - character n-grams (n = 1..4) of the compact view (normalised, simplified, lower-case, no punctuation), with
 *   every digit folded to '0' so that numbers generalise; each occurrence weighs 1/√(number of n-grams);
 * - Latin words and word bigrams (for English), weighed the same way;
 * - the ids of the rule / entity signals that fired and their categories, and the entity kinds (weight 1 each).
 */
import { TAG, tagBits } from '../core/signals/emit.js';
import type { Entity, Signal } from '../core/types.js';

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_CHAR = 0x9e3779b1;
const SEED_WORD = 0x85ebca6b;
const SEED_BIGRAM = 0xc2b2ae35;
const SEED_TOKEN = 0x27d4eb2f;

export const MAX_NGRAM = 4;

const NOT_A_FEATURE = 'URL_ALL_VOUCHED';

/** A sparse vector with duplicates allowed (a duplicate index simply adds up). */
export interface FeatureBuffer {
  idx: Int32Array;
  val: Float32Array;
  /** For text features: where the n-gram starts in the compact text and how long it is (−1 for non-text features). */
  pos: Int32Array;
  len: Uint8Array;
  size: number;
  /** The first `textSize` features are text n-grams and words, all of one value (1/√count); the rest weigh 1. */
  textSize: number;
}

export function createFeatureBuffer(capacity = 4096): FeatureBuffer {
  return { idx: new Int32Array(capacity), val: new Float32Array(capacity), pos: new Int32Array(capacity), len: new Uint8Array(capacity), size: 0, textSize: 0 };
}

function ensure(buf: FeatureBuffer, need: number): void {
  if (need <= buf.idx.length) return;
  const cap = Math.max(need, buf.idx.length * 2);
  const idx = new Int32Array(cap);
  const val = new Float32Array(cap);
  const pos = new Int32Array(cap);
  const len = new Uint8Array(cap);
  idx.set(buf.idx.subarray(0, buf.size));
  val.set(buf.val.subarray(0, buf.size));
  pos.set(buf.pos.subarray(0, buf.size));
  len.set(buf.len.subarray(0, buf.size));
  buf.idx = idx;
  buf.val = val;
  buf.pos = pos;
  buf.len = len;
}

const foldCode = (c: number): number => (c >= 48 && c <= 57 ? 48 : c);
const isLatin = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** FNV-1a of a string with a seed, used for tokens (signal ids, entity kinds). */
export function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Final avalanche so that the low bits used as bucket index are well mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface FeatureInput {
  compact: string;
  signals: readonly Signal[];
  entities: readonly Entity[];
}

/** Inputs longer than this are read only up to here (the head carries the pitch; keeps scoring linear and bounded). */
export const MAX_FEATURE_TEXT = 4000;

/** Fills `buf` with the hashed features of one message; returns buf.size. */
export function extractFeatures(input: FeatureInput, bits: number, buf: FeatureBuffer): number {
  const mask = (1 << bits) - 1;
  const text = input.compact;
  const n = Math.min(text.length, MAX_FEATURE_TEXT);
  buf.size = 0;
  // Upper bound of text features: n·MAX_NGRAM char n-grams + ≤ n words + ≤ n bigrams.
  ensure(buf, n * (MAX_NGRAM + 2) + input.signals.length * 2 + input.entities.length + 8);
  // Locals for the hot loops (ensure() may have swapped the arrays, so read them after it).
  const { idx, pos, len } = buf;
  const codes = foldedCodes(text, n);
  let size = 0;
  // Character n-grams, by start then length: each n-gram's hash extends the one a character shorter.
  for (let i = 0; i < n; i++) {
    if (codes[i] === SPACE) continue;
    let h = CHAR_BASIS;
    const last = Math.min(MAX_NGRAM, n - i);
    for (let j = 0; j < last; j++) {
      h = Math.imul(h ^ (codes[i + j] as number), FNV_PRIME);
      idx[size] = mix(h + j) & mask;
      pos[size] = i;
      len[size] = j + 1;
      size++;
    }
  }
  // Latin words and word bigrams.
  let prev = 0;
  for (let i = 0; i < n; ) {
    if (!isLatin(text.charCodeAt(i))) {
      // A non-Latin character breaks a bigram chain unless it is the single space between words.
      if (codes[i] !== SPACE) prev = 0;
      i++;
      continue;
    }
    const start = i;
    let h = WORD_BASIS;
    while (i < n && isLatin(text.charCodeAt(i))) h = Math.imul(h ^ (codes[i++] as number), FNV_PRIME);
    h >>>= 0;
    const wordLen = Math.min(255, i - start);
    idx[size] = mix(h) & mask;
    pos[size] = start;
    len[size] = wordLen;
    size++;
    if (prev !== 0) {
      idx[size] = mix(Math.imul(prev ^ SEED_BIGRAM, FNV_PRIME) ^ h) & mask;
      pos[size] = start;
      len[size] = wordLen;
      size++;
    }
    prev = h;
  }
  // Every text feature weighs 1/√(number of text features).
  buf.val.fill(size > 0 ? 1 / Math.sqrt(size) : 0, 0, size);
  buf.size = size;
  buf.textSize = size;
  // Signals and entities: what the rules saw, as binary features.
  for (const s of input.signals) {
    // The link checker's vouching is applied by policy (src/model/scorer.ts), not learnt: as a feature it taught the
    // model that any text with a real link is ordinary (a TestFlight "trading app" invite, session 11 review).
    // Nor a negated or reported ask (tag negation): it only sets tactics aside. As a feature it taught the model that
    // "我们不会要求您转账" reads ordinary, which scammers say before "但…转到安全账户" (session 13).
    if (s.source === 'model' || s.id === NOT_A_FEATURE || (tagBits(s) & TAG.negation) !== 0) continue;
    token(buf, mask, 's:', s.id);
    if (s.category) token(buf, mask, 'c:', s.category);
  }
  for (const e of input.entities) token(buf, mask, 'e:', e.kind);
  token(buf, mask, '', 'bias');
  return buf.size;
}

const SPACE = 32;
const CHAR_BASIS = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
const WORD_BASIS = (FNV_OFFSET ^ SEED_WORD) >>> 0;

let folded = new Int32Array(256);

/** The text's first n code units with digits folded to '0', read once into a reused buffer. */
function foldedCodes(text: string, n: number): Int32Array {
  if (folded.length < n) folded = new Int32Array(Math.max(n, folded.length * 2));
  for (let i = 0; i < n; i++) folded[i] = foldCode(text.charCodeAt(i));
  return folded;
}

/** Token hashes by prefix and name: the same few signal ids, categories and entity kinds recur in every message. */
const tokenHashes = new Map<string, Map<string, number>>();
const MAX_TOKEN_HASHES = 4096;

function token(buf: FeatureBuffer, mask: number, prefix: string, name: string): void {
  let byName = tokenHashes.get(prefix);
  if (byName === undefined) tokenHashes.set(prefix, (byName = new Map()));
  let h = byName.get(name);
  if (h === undefined) {
    h = mix(hashString(prefix + name, SEED_TOKEN));
    if (byName.size < MAX_TOKEN_HASHES) byName.set(name, h);
  }
  const k = buf.size++;
  buf.idx[k] = h & mask;
  buf.val[k] = 1;
  buf.pos[k] = -1;
  buf.len[k] = 0;
}
