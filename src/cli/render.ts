import pc from 'picocolors';
import type { Analysis, Span } from '../core/types.js';

const VERDICT_COLOR = { scam: pc.red, suspicious: pc.yellow, spam: pc.cyan, safe: pc.green } as const;

/** Marks every evidence span in the original text (overlapping spans merge). */
export function highlight(text: string, spans: Span[]): string {
  const merged = [...spans].sort((a, b) => a.start - b.start).reduce<Span[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else acc.push({ ...s });
    return acc;
  }, []);
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + pc.bold(pc.red(pc.underline(text.slice(s.start, s.end))));
    at = s.end;
  }
  return out + text.slice(at);
}

export function renderAnalysis(text: string, a: Analysis, lang: 'zh' | 'en'): string {
  const color = VERDICT_COLOR[a.verdict];
  const lines: string[] = [];
  lines.push(color(pc.bold(`■ ${a.summary[lang]}`)) + pc.dim(lang === 'zh' ? `  风险分 ${a.score}/100` : `  risk ${a.score}/100`));
  lines.push('');
  const shown = text.length > 2000 ? text.slice(0, 2000) : text;
  const spans = a.signals.filter((s) => s.weight > 0).flatMap((s) => s.spans).filter((s) => s.end <= shown.length);
  lines.push(highlight(shown, spans) + (shown.length < text.length ? pc.dim(' …') : ''));
  lines.push('');
  // analyze already leaves out weight-0 signals, except a negated ask that set tactics aside (src/core/analyze.ts).
  const evidence = a.signals;
  if (evidence.length) {
    lines.push(pc.bold(lang === 'zh' ? '依据：' : 'Why:'));
    for (const s of evidence.slice(0, 12)) {
      const sign = s.weight > 0 ? pc.red(`+${s.weight}`) : s.weight < 0 ? pc.green(String(s.weight)) : pc.dim('±0');
      const quote = s.spans[0] ? pc.dim(` 「${text.slice(s.spans[0].start, s.spans[0].end).slice(0, 30)}」`) : '';
      lines.push(`  ${sign} ${s.explanation[lang]}${quote} ${pc.dim(s.id)}`);
    }
    lines.push('');
  }
  if (a.advice.length) {
    lines.push(pc.bold(lang === 'zh' ? '建议：' : 'What to do:'));
    for (const adv of a.advice) lines.push(`  • ${adv[lang]}`);
  }
  return lines.join('\n');
}
