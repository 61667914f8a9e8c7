import { intelFileSchema, type IntelData } from '../knowledge/schema.js';

const EMPTY: IntelData = {
  shorteners: [],
  freeHosts: [],
  dynamicDns: [],
  riskyTlds: [],
  governmentSuffixes: [],
  userContentHosts: [],
  caseTypes: [],
  caseTypesUnverified: [],
  courtCodes: [],
  courtCodeMistakes: [],
};

/** Validates data/intel/*.yaml and merges their lists (lower-cased where they are domains); all errors at once. */
export function buildIntel(files: { file: string; content: unknown }[]): { data: IntelData; errors: string[] } {
  const errors: string[] = [];
  const out: IntelData = structuredClone(EMPTY);
  for (const f of files) {
    const p = intelFileSchema.safeParse(f.content);
    if (!p.success) {
      errors.push(...p.error.issues.map((i) => `${f.file}: ${i.path.join('.') || '(root)'}: ${i.message}`));
      continue;
    }
    const d = p.data;
    const lower = (xs: string[] | undefined): string[] => (xs ?? []).map((x) => x.trim().toLowerCase().replace(/^\./, ''));
    out.shorteners.push(...lower(d.shorteners));
    out.freeHosts.push(...lower(d.freeHosts));
    out.dynamicDns.push(...lower(d.dynamicDns));
    out.riskyTlds.push(...lower(d.riskyTlds));
    out.governmentSuffixes.push(...lower(d.governmentSuffixes));
    out.userContentHosts.push(...lower(d.userContentHosts));
    out.caseTypes.push(...(d.caseTypes ?? []));
    out.caseTypesUnverified.push(...(d.caseTypesUnverified ?? []));
    out.courtCodes.push(...(d.courtCodes ?? []));
    out.courtCodeMistakes.push(...(d.courtCodeMistakes ?? []));
  }
  const codes = new Set<string>();
  for (const t of out.caseTypes) {
    if (codes.has(t.code)) errors.push(`data/intel: duplicate case type code ${t.code}`);
    codes.add(t.code);
  }
  for (const key of ['shorteners', 'freeHosts', 'dynamicDns', 'riskyTlds', 'governmentSuffixes', 'userContentHosts'] as const) out[key] = [...new Set(out[key])].sort();
  return { data: out, errors };
}
