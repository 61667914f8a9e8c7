import type { Command } from 'commander';
import { defaultKnowledge } from '../../knowledge/default.js';
import { CATEGORY_IDS } from '../../core/types.js';
import { EXIT } from '../exit-codes.js';
import { pickLang } from '../locale.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('describe a scam category: typical scripts, red flags, what to do 讲解一种诈骗类型')
    .argument('[category]', `one of: ${CATEGORY_IDS.join(', ')} (omit to list them)`)
    .option('--lang <lang>', 'zh | en')
    .option('--json', 'print the category as JSON')
    .action((category: string | undefined, opts: { lang?: string; json?: boolean }) => {
      const lang = pickLang(opts.lang);
      const cats = defaultKnowledge.categories;
      if (!category) {
        for (const c of cats) process.stdout.write(`${c.id.padEnd(26)} ${c.name[lang]}\n`);
        return;
      }
      const c = cats.find((x) => x.id === category);
      if (!c) {
        process.stderr.write(`fanzha explain: unknown category "${category}". Known: ${CATEGORY_IDS.join(', ')}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(c)}\n`);
        return;
      }
      const h = (zh: string, en: string): string => (lang === 'zh' ? zh : en);
      const out = [
        `${c.name[lang]} (${c.id})`,
        c.summary[lang],
        '',
        h('典型话术：', 'Typical scripts:'),
        ...c.scripts.map((s) => `  “${s[lang]}”`),
        '',
        h('危险信号：', 'Red flags:'),
        ...c.redFlags.map((s) => `  ! ${s[lang]}`),
        '',
        h('怎么办：', 'What to do:'),
        ...c.advice.map((s) => `  • ${s[lang]}`),
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
