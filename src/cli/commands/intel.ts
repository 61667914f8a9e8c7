/**
 * fanzha phone NUMBER | url URL | notice TEXT | directory [QUERY]: the intelligence checkers from the shell.
 * --json prints the library result ({input, risk, findings, official, details}); exit code 2 = high risk,
 * 1 = medium, 0 = low/unknown, 3 = bad input.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { checkNotice, checkPhone, checkUrl, IntelInputError, searchDirectory, type IntelResult, type Risk } from '../../intel/index.js';
import type { DirectoryEntry } from '../../knowledge/schema.js';
import { EXIT } from '../exit-codes.js';
import { pickLang } from '../locale.js';
import { InputError, readText } from '../read-input.js';

interface Opts {
  json?: boolean;
  claims?: string;
  lang?: string;
}

const RISK_WORDS: Record<Risk, { zh: string; en: string; paint: (s: string) => string }> = {
  high: { zh: '高风险', en: 'HIGH RISK', paint: (s) => pc.bold(pc.red(s)) },
  medium: { zh: '中风险', en: 'MEDIUM RISK', paint: (s) => pc.bold(pc.yellow(s)) },
  low: { zh: '低风险（官方渠道）', en: 'LOW RISK (official channel)', paint: (s) => pc.bold(pc.green(s)) },
  unknown: { zh: '未知（没有已知风险，也不代表安全）', en: 'UNKNOWN (nothing known against it, which is not proof of safety)', paint: (s) => pc.bold(s) },
};

const MARK = { high: '✗', medium: '!', low: '·', info: 'i' } as const;

export function renderResult(r: IntelResult, lang: 'zh' | 'en'): string {
  const w = RISK_WORDS[r.risk];
  const lines = [`${w.paint(lang === 'zh' ? w.zh : w.en)}  ${r.input.length > 80 ? `${r.input.slice(0, 77)}…` : r.input}`];
  for (const f of r.findings) lines.push(`  ${MARK[f.severity]} ${f.explanation[lang]}`);
  if (r.official) lines.push(...renderEntry(r.official, lang, '  '));
  return lines.join('\n');
}

function renderEntry(d: DirectoryEntry, lang: 'zh' | 'en', indent = ''): string[] {
  const out = [`${indent}${pc.bold(lang === 'zh' ? d.name.zh : d.name.en)} (${d.id}, ${d.kind}, ${d.verified})`];
  if (d.phones.length) out.push(`${indent}  ${lang === 'zh' ? '电话' : 'phone'}: ${d.phones.map((p) => p.display).join(', ')}`);
  if (d.domains.length) out.push(`${indent}  ${lang === 'zh' ? '域名' : 'domains'}: ${d.domains.join(', ')}`);
  if (d.app) out.push(`${indent}  ${lang === 'zh' ? '官方渠道' : 'official channel'}: ${d.app[lang]}`);
  for (const n of d.neverDoes) out.push(`${indent}  ${lang === 'zh' ? '从不' : 'never'}: ${n[lang]}`);
  return out;
}

function exitFor(risk: Risk): number {
  return risk === 'high' ? EXIT.scam : risk === 'medium' ? EXIT.suspicious : EXIT.ok;
}

function run(name: string, opts: Opts, fn: () => IntelResult): void {
  try {
    const r = fn();
    process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `${renderResult(r, pickLang(opts.lang))}\n`);
    process.exitCode = exitFor(r.risk);
  } catch (err) {
    if (!(err instanceof IntelInputError || err instanceof InputError)) throw err;
    process.stderr.write(`fanzha ${name}: ${err.message}\n`);
    process.exitCode = EXIT.usage;
  }
}

const claimsOf = (s: string | undefined): string[] | undefined => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

export function registerIntel(program: Command): void {
  program
    .command('phone')
    .description('check a phone number (kind, country, spoofing, official match) 检查电话号码')
    .argument('<number>', 'the number as shown, e.g. "+86 95188" or 0096836155952')
    .option('--claims <brand>', 'the organisation the caller claims to be (directory id, name or alias; comma-separated)')
    .option('--json', 'print the result as JSON')
    .option('--lang <lang>', 'output language: zh | en')
    .action((number: string, opts: Opts) => run('phone', opts, () => checkPhone(number, { claims: claimsOf(opts.claims) })));

  program
    .command('url')
    .description('check a link without opening it (look-alikes, shorteners, raw IPs …) 检查链接（不会打开它）')
    .argument('<url>', 'the link or bare domain')
    .option('--claims <brand>', 'the organisation the message claims to be (directory id, name or alias)')
    .option('--json', 'print the result as JSON')
    .option('--lang <lang>', 'output language: zh | en')
    .action((url: string, opts: Opts) => run('url', opts, () => checkUrl(url, { claims: claimsOf(opts.claims) })));

  program
    .command('notice')
    .description('check a legal / mediation / collection notice and its case numbers 检查法律通知、调解通知与案号')
    .argument('[text]', 'the notice; "-" or nothing reads stdin')
    .option('--json', 'print the result as JSON')
    .option('--lang <lang>', 'output language: zh | en')
    .action((text: string | undefined, opts: Opts) => run('notice', opts, () => checkNotice(readText(text))));

  program
    .command('directory')
    .description('list or search the official-contact directory 查询官方联系方式目录')
    .argument('[query]', 'a name, alias, number or domain; nothing lists all')
    .option('--json', 'print the matching entries as JSON')
    .option('--lang <lang>', 'output language: zh | en')
    .action((query: string | undefined, opts: Opts) => {
      const found = searchDirectory(query);
      const lang = pickLang(opts.lang);
      if (opts.json) process.stdout.write(`${JSON.stringify(found)}\n`);
      else if (found.length === 0) process.stdout.write(lang === 'zh' ? `目录中没有“${query ?? ''}”\n` : `nothing in the directory matches "${query ?? ''}"\n`);
      else process.stdout.write(`${found.flatMap((d) => renderEntry(d, lang)).join('\n')}\n`);
      process.exitCode = found.length === 0 ? EXIT.suspicious : EXIT.ok;
    });
}
