/**
 * Wording templates from the knowledge ("被 {count} 人举报…"): `{key}` is replaced by detail[key]; a key the detail
 * lacks stays as written. Each template is split once and cached, because every signal of every message fills two.
 */
export type TemplateDetail = Record<string, string | number | boolean | null | undefined>;

/** Even indexes: literal text; odd indexes: keys. */
type Parts = readonly string[];

const compiled = new Map<string, Parts>();
const MAX_CACHED = 4096;

function parse(template: string): Parts {
  const parts: string[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    parts.push(template.slice(last, m.index), m[1] ?? '');
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

export function fillTemplate(template: string, detail: TemplateDetail): string {
  if (template.indexOf('{') < 0) return template;
  let parts = compiled.get(template);
  if (!parts) {
    parts = parse(template);
    if (compiled.size < MAX_CACHED) compiled.set(template, parts);
  }
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? '';
    const v = detail[key];
    out += (v === undefined || v === null ? `{${key}}` : String(v)) + (parts[i + 1] ?? '');
  }
  return out;
}
