/**
 * A scam with an anti-fraud line pasted beside it ("谨防诈骗。"): how many of the held-out written scams that the
 * engine flags stay flagged, and how many genuine near-domain messages the same line makes flagged.
 *   npx tsx bench/warning-evasion.ts
 * Fixtures only (test/fixtures: written for testing, never trained on); session 14's notes have the probe sets too.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/index.js';

const load = (name: string): { text: string; label: string }[] =>
  readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; label: string });
const flagged = (text: string): boolean => ['scam', 'suspicious'].includes(analyze(text).verdict);

const scams = [...load('near-domain-scam.jsonl'), ...load('seeds.jsonl').filter((r) => r.label === 'scam')]
  .map((r) => r.text)
  .filter((t) => /[\u4e00-\u9fff]/.test(t) && flagged(t));
const genuine = load('near-domain-legit.jsonl').map((r) => r.text);
const lines = ['谨防诈骗。', '温馨提示：谨防电信网络诈骗，如有疑问请拨打96110。', '【全民反诈提醒】请不要轻信陌生人的转账要求。'];
console.log(`| line added | where | flagged scams still flagged (of ${scams.length}) | genuine newly flagged (of ${genuine.length}) |`);
console.log('|---|---|---:|---:|');
for (const line of lines) {
  for (const [where, add] of [['after', (t: string) => `${t}\n${line}`], ['before', (t: string) => `${line}\n${t}`]] as const) {
    const kept = scams.filter((t) => flagged(add(t))).length;
    const newly = genuine.filter((t) => !flagged(t) && flagged(add(t))).length;
    console.log(`| ${line} | ${where}, own line | ${kept} (${((100 * kept) / scams.length).toFixed(0)}%) | ${newly} |`);
  }
}
