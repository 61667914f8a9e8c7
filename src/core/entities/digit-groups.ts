/**
 * A run of digit groups that is no number as a whole may hold one beside another ("13800138000 399",
 * "110105194912310024 5"): the groups are tried from the left, longest first, and each accepted stretch is taken.
 * Shared by the phone reader and by report masking (src/store/privacy.ts), which must agree on what a number is.
 */
const GROUPS = /\+?[0-9]+[Xx]?/g;

export function numbersInRun<T>(run: string, accept: (stretch: string) => T | null): { at: number; end: number; value: T }[] {
  const groups: { at: number; end: number }[] = [];
  GROUPS.lastIndex = 0;
  for (let g = GROUPS.exec(run); g && groups.length < 24; g = GROUPS.exec(run)) groups.push({ at: g.index, end: g.index + g[0].length });
  const out: { at: number; end: number; value: T }[] = [];
  for (let i = 0; i < groups.length; ) {
    let took = 0;
    for (let j = groups.length - 1; j >= i && took === 0; j--) {
      const at = groups[i]!.at;
      const end = groups[j]!.end;
      const value = accept(run.slice(at, end));
      if (value === null) continue;
      out.push({ at, end, value });
      took = j - i + 1;
    }
    i += Math.max(1, took);
  }
  return out;
}
