export interface KeywordHit<P> {
  start: number;
  end: number;
  keyword: string;
  payload: P;
}

/**
 * Letter indexes shared by every automaton: each UTF-16 code unit that occurs in some keyword gets a small index
 * (0 = in no keyword), so per-automaton tables are sized by the alphabet (a few thousand letters), not by 65,536 code
 * units, and one 128 KB table serves all automata. Append-only: an index never changes once given.
 */
const LETTERS = new Uint16Array(0x10000);
let letterCount = 0;

function registerLetter(c: number): void {
  if (LETTERS[c] !== 0) return;
  if (letterCount === 0xffff) throw new Error('keyword alphabet exceeds 65,535 distinct code units');
  LETTERS[c] = ++letterCount;
}

const letterOf = (c: number): number => LETTERS[c] as number;

/** Keyword flags for the word-boundary rule, set at build time: the keyword begins / ends with a Latin letter or digit. */
const STARTS_WORD = 1;
const ENDS_WORD = 2;

/**
 * All keywords of all rules in one Aho–Corasick automaton: one linear scan per text, whatever the
 * number of rules. Hand-written because it is the engine's hot loop: transitions are keyed by UTF-16
 * code unit in one Map per state, and every state's output list already includes its failure chain's.
 * Keywords that begin or end with a Latin letter or digit only match at word boundaries
 * ("win" must not fire inside "window").
 */
export class KeywordMatcher<P> {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** outputs[state] = indexes into `keywords` that end at this state (build time only; see outStart). */
  private readonly outputs: (number[] | null)[] = [null];
  private readonly keywords: string[] = [];
  private readonly payloads: P[][] = [];
  // Compiled after construction, for the scan: small flat typed arrays over letter indexes (see letterOf), so the
  // tables a scan touches stay in the CPU cache next to the model's.
  /** The root's transition per letter index (most steps start from the root). */
  private rootNext = new Int32Array(0);
  /** Letters of this automaton's keywords; any other code unit sends every state straight back to the root. */
  private inAlphabet = new Uint8Array(0);
  /** Edges of state s are edgeChar/edgeNext[edgeStart[s] .. edgeStart[s + 1]), sorted by letter index. */
  private edgeStart = new Int32Array(0);
  private edgeChar = new Uint16Array(0);
  private edgeNext = new Int32Array(0);
  private failOf = new Int32Array(0);
  /** Keywords ending at state s (failure chain included) are outKeyword[outStart[s] .. outStart[s + 1]). */
  private outStart = new Int32Array(0);
  private outKeyword = new Int32Array(0);
  private keywordLength = new Int32Array(0);
  /** STARTS_WORD | ENDS_WORD per keyword: which ends must fall on a word boundary. */
  private boundary = new Uint8Array(0);

  constructor(entries: Iterable<readonly [keyword: string, payload: P]>) {
    const index = new Map<string, number>();
    for (const [keyword, payload] of entries) {
      if (!keyword) continue;
      let k = index.get(keyword);
      if (k === undefined) {
        k = this.keywords.length;
        index.set(keyword, k);
        this.keywords.push(keyword);
        this.payloads.push([]);
        this.insert(keyword, k);
      }
      this.payloads[k]?.push(payload);
    }
    this.link();
    this.compile();
  }

  get size(): number {
    return this.keywords.length;
  }

  private insert(keyword: string, k: number): void {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = keyword.charCodeAt(i);
      const edges = this.goto[state] as Map<number, number>;
      let next = edges.get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.fail.push(0);
        this.outputs.push(null);
        edges.set(c, next);
      }
      state = next;
    }
    (this.outputs[state] ??= []).push(k);
  }

  /** Breadth-first failure links; each state inherits the outputs of its failure state. */
  private link(): void {
    const queue: number[] = [];
    for (const next of (this.goto[0] as Map<number, number>).values()) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [c, next] of this.goto[state] as Map<number, number>) {
        let f = this.fail[state] as number;
        while (f !== 0 && !(this.goto[f] as Map<number, number>).has(c)) f = this.fail[f] as number;
        const target = (this.goto[f] as Map<number, number>).get(c);
        const fl = target !== undefined && target !== next ? target : 0;
        this.fail[next] = fl;
        const inherited = this.outputs[fl];
        if (inherited) this.outputs[next] = [...(this.outputs[next] ?? []), ...inherited];
        queue.push(next);
      }
    }
  }

  private compile(): void {
    const states = this.goto.length;
    for (const edges of this.goto) for (const c of edges.keys()) registerLetter(c);
    this.rootNext = new Int32Array(letterCount + 1);
    this.inAlphabet = new Uint8Array(letterCount + 1);
    for (const [c, next] of this.goto[0] as Map<number, number>) this.rootNext[letterOf(c)] = next;
    this.edgeStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) total += (this.goto[s] as Map<number, number>).size;
    this.edgeChar = new Uint16Array(total);
    this.edgeNext = new Int32Array(total);
    let at = 0;
    for (let s = 0; s < states; s++) {
      this.edgeStart[s] = at;
      const edges = [...(this.goto[s] as Map<number, number>)].map(([c, next]) => [letterOf(c), next] as const).sort((a, b) => a[0] - b[0]);
      for (const [letter, next] of edges) {
        this.edgeChar[at] = letter;
        this.edgeNext[at++] = next;
        this.inAlphabet[letter] = 1;
      }
    }
    this.edgeStart[states] = at;
    this.failOf = Int32Array.from(this.fail);
    this.outStart = new Int32Array(states + 1);
    const outList: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outStart[s] = outList.length;
      for (const k of this.outputs[s] ?? []) outList.push(k);
    }
    this.outStart[states] = outList.length;
    this.outKeyword = Int32Array.from(outList);
    this.keywordLength = Int32Array.from(this.keywords, (k) => k.length);
    this.boundary = Uint8Array.from(
      this.keywords,
      (k) => (isWordChar(k.charCodeAt(0)) ? STARTS_WORD : 0) | (isWordChar(k.charCodeAt(k.length - 1)) ? ENDS_WORD : 0),
    );
    // The build-time structures are now copied into the flat tables: drop them (a Map per state adds up).
    this.goto.length = 0;
    this.fail.length = 0;
    this.outputs.length = 0;
  }

  /**
   * Every hit, in text order. With `maxPerKeyword`, each keyword reports at most that many hits: evidence needs a
   * few spans, not thousands (a text repeating one phrase 10,000 times must stay as fast as any other).
   */
  findAll(text: string, maxPerKeyword = Infinity): KeywordHit<P>[] {
    const hits: KeywordHit<P>[] = [];
    if (this.keywords.length === 0) return hits;
    // Per-keyword counting starts only once the total could exceed the cap (short texts never pay for it).
    let counts: Map<string, number> | null = null;
    // The scan is the engine's hottest loop: every table in a local, the goto step inlined.
    const { rootNext, inAlphabet, failOf, edgeStart, edgeChar, edgeNext, outStart, outKeyword, keywords, keywordLength, boundary, payloads } = this;
    const n = text.length;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const c = LETTERS[text.charCodeAt(i)] as number;
      if (c === 0 || inAlphabet[c] !== 1) {
        state = 0;
        continue;
      }
      let next = -1;
      while (state !== 0) {
        // Binary search of the state's sorted edges (most states have one).
        let lo = edgeStart[state] as number;
        let hi = (edgeStart[state + 1] as number) - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const m = edgeChar[mid] as number;
          if (m === c) {
            next = edgeNext[mid] as number;
            break;
          }
          if (m < c) lo = mid + 1;
          else hi = mid - 1;
        }
        if (next >= 0) break;
        state = failOf[state] as number;
      }
      state = next >= 0 ? next : (rootNext[c] as number);
      const outEnd = outStart[state + 1] as number;
      for (let o = outStart[state] as number; o < outEnd; o++) {
        const k = outKeyword[o] as number;
        const keyword = keywords[k] as string;
        if (counts === null && hits.length >= maxPerKeyword) {
          counts = new Map();
          for (const h of hits) counts.set(h.keyword, (counts.get(h.keyword) ?? 0) + 1);
        }
        if (counts !== null) {
          const seen = counts.get(keyword) ?? 0;
          if (seen >= maxPerKeyword) continue;
          counts.set(keyword, seen + 1);
        }
        const start = i + 1 - (keywordLength[k] as number);
        const b = boundary[k] as number;
        if (b !== 0) {
          if ((b & STARTS_WORD) !== 0 && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
          if ((b & ENDS_WORD) !== 0 && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) continue;
        }
        const ps = payloads[k] as P[];
        for (let p = 0; p < ps.length; p++) hits.push({ start, end: i + 1, keyword, payload: ps[p] as P });
      }
    }
    return hits;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}
