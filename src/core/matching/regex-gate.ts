/**
 * Gates for rule regexes: Chinese literals of which every match must contain one, read off the pattern's source.
 * The keyword automaton (which runs anyway) looks for them, and a regex runs only on a text where one was found,
 * as Hyperscan and Rspamd prefilter regexes by literals. Most texts then skip most regexes.
 *
 * Only shapes that are plainly sound are read: each top-level branch must open with a literal Chinese run
 * ("我是…"), a group of literal Chinese alternatives ("(?:请勿|切勿|…)"), or a class of Chinese characters
 * ("[都就均]…"), none of them optional. Anything else (Latin letters, which the automaton matches as whole words only;
 * escapes; optional openers) leaves the pattern ungated: null.
 */

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
const QUANTIFIER = /^(?:[?*+]|\{)/;

/** The top-level `|` branches of a pattern (not inside groups or classes), or null when it cannot be split safely. */
function branches(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || inClass) return null;
  out.push(source.slice(start));
  return out;
}

/** A leading non-optional group of literal Chinese alternatives, "(?:请勿|切勿|勿)…": its alternatives, or null. */
function literalGroup(branch: string): string[] | null {
  if (!branch.startsWith('(?:')) return null;
  let depth = 0;
  let end = -1;
  for (let i = 0; i < branch.length; i++) {
    if (branch[i] === '\\') return null;
    if (branch[i] === '(') depth++;
    else if (branch[i] === ')' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 0 || QUANTIFIER.test(branch.slice(end + 1))) return null;
  const alternatives = branch.slice(3, end).split('|');
  return alternatives.every((a) => CJK.test(a)) ? alternatives : null;
}

/** The literals a branch must open with, or null. */
function opening(branch: string): string[] | null {
  if (branch.startsWith('(?:')) return literalGroup(branch);
  // A class of Chinese characters: [都就均]
  if (branch.startsWith('[') && !branch.startsWith('[^')) {
    const end = branch.indexOf(']');
    const chars = branch.slice(1, end);
    if (end < 0 || !CJK.test(chars) || QUANTIFIER.test(branch.slice(end + 1))) return null;
    return [...chars];
  }
  // A literal run: 我是…, keeping only the characters no quantifier follows (在吗? must not require 吗), and joined
  // to a literal group right after it ("别(?:找人|信)" needs 别找人 or 别信).
  let run = 0;
  while (run < branch.length && CJK.test(branch[run] ?? '')) run++;
  if (run < branch.length && QUANTIFIER.test(branch.slice(run))) return run > 1 ? [branch.slice(0, run - 1)] : null;
  if (run === 0) return null;
  const head = branch.slice(0, run);
  const next = literalGroup(branch.slice(run));
  return next ? next.map((n) => head + n) : [head];
}

/** Literals one of which every match of `source` contains, or null when the pattern cannot be gated. */
export function regexGate(source: string): string[] | null {
  const parts = branches(source);
  if (!parts) return null;
  const literals = new Set<string>();
  for (const p of parts) {
    const open = opening(p);
    if (!open) return null;
    for (const l of open) literals.add(l);
  }
  return [...literals];
}
