/**
 * Rule regexes run on untrusted text of up to 100,000 characters, so they must not backtrack
 * catastrophically. We accept a conservative subset: no backreferences or lookarounds, no
 * unbounded quantifiers (* + {n,}), bounds of at most 64, and no quantified group that itself
 * contains a quantifier. Keyword lists (one automaton) cover everything else.
 */
export function regexProblem(src: string): string | null {
  try {
    new RegExp(src, 'u');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(src)) return 'backreferences are not allowed';
  if (/\(\?<?[=!]/.test(src)) return 'lookarounds are not allowed';
  const stripped = src.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (/[*+]/.test(stripped)) return 'unbounded quantifiers (* or +) are not allowed: use {0,N}';
  for (const m of stripped.matchAll(/\{(\d+)(,(\d*))?\}/g)) {
    if (m[2] !== undefined && m[3] === '') return 'unbounded {n,} is not allowed';
    if (Number(m[3] ?? m[1]) > 64) return 'quantifier bounds above 64 are not allowed';
  }
  // A group followed by a quantifier must not contain a quantifier itself: (a{1,9}){1,9}.
  const stack: number[] = [];
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped[i];
    if (c === '(') stack.push(i);
    else if (c === ')') {
      const open = stack.pop() ?? 0;
      const inner = stripped.slice(open + 1, i);
      const next = stripped[i + 1];
      if ((next === '{' || next === '?') && /[{?]/.test(inner.replace(/^\?:/, ''))) return 'nested quantifiers are not allowed';
    }
  }
  return null;
}
