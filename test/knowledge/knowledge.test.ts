import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { createEngine } from '../../src/engine.js';
import { buildKnowledge } from '../../src/knowledge/build.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { regexProblem } from '../../src/knowledge/safe-regex.js';
import { CATEGORY_IDS } from '../../src/core/types.js';
import { sharedDir } from '../../bench/corpus.js';

const root = new URL('../..', import.meta.url).pathname;
const taxonomy = JSON.parse(readFileSync(join(sharedDir(), 'spec/taxonomy.json'), 'utf8')) as { categories: { id: string; zh: string; en: string }[] };

/** Builds knowledge from one rule pack and otherwise empty (invalid) files, to read the errors it reports. */
function buildOnePack(file: string, content: unknown, more: { file: string; content: unknown }[] = [], replacements: unknown[] = []): { errors: string[] } {
  const sources = {
    policy: {},
    categories: { schemaVersion: 1, categories: [] },
    advice: { schemaVersion: 1, triggers: [], safe: [] },
    normalize: { schemaVersion: 1, replacements },
    directory: { schemaVersion: 1, entries: [] },
    signalFiles: [],
    intelFiles: [],
    rulePacks: [{ file, content }, ...more],
  };
  return buildKnowledge(sources as never, {});
}

describe('knowledge data', () => {
  it('uses exactly the taxonomy category ids and names', () => {
    assert.deepEqual([...CATEGORY_IDS].sort(), taxonomy.categories.map((c) => c.id).sort());
    for (const c of taxonomy.categories) {
      const info = defaultKnowledge.categories.find((x) => x.id === c.id);
      assert.ok(info, c.id);
      assert.equal(info.name.zh, c.zh);
      assert.equal(info.name.en, c.en);
    }
  });

  it('has unique, stable signal ids and every rule explained in both languages', () => {
    const ids = [...defaultKnowledge.rules.map((r) => r.id), ...defaultKnowledge.signals.map((s) => s.id), ...defaultKnowledge.policy.composites.map((c) => c.id)];
    assert.equal(new Set(ids).size, ids.length);
    for (const r of defaultKnowledge.rules) assert.ok(r.zh && r.en, r.id);
  });

  it('every rule regex is bounded (no catastrophic backtracking)', () => {
    for (const r of defaultKnowledge.rules) for (const re of r.regex ?? []) assert.equal(regexProblem(re), null, `${r.id} /${re}/`);
  });

  it('rejects dangerous regexes', () => {
    for (const bad of ['(a+)+$', '.*x', '(\\d{1,9}){1,9}', '(a)\\1', 'a{1,}', 'a{1,1000}', '(?=x)']) assert.notEqual(regexProblem(bad), null, bad);
    for (const good of ['\\d{1,3}p(?:/| per )(?:min|msg)', '£\\d{2,5}']) assert.equal(regexProblem(good), null, good);
  });

  it('every directory entry has a source and a verification level', () => {
    for (const d of defaultKnowledge.directory) {
      assert.ok(d.sources.length > 0, d.id);
      assert.ok(['official', 'secondary', 'general_knowledge'].includes(d.verified), d.id);
    }
  });

  it('reports every problem of a broken pack at once, with file and path', () => {
    const { errors } = buildOnePack('rules/bad.yaml', { schemaVersion: 1, pack: 'bad', description: '', rules: [{ id: 'lower', category: 'nope', weight: 5, zh: 'x', en: 'x', regex: ['(a+)+'] }] });
    assert.ok(errors.some((e) => e.includes('policy.yaml')));
    assert.ok(errors.some((e) => e.includes('rules/bad.yaml') && e.includes('id')));
    assert.ok(errors.some((e) => e.includes('categories.yaml: missing category')));
  });

  it('refuses a keyword with Chinese punctuation (it would match more than written, punctuation is dropped first)', () => {
    const { errors } = buildOnePack('rules/p.yaml', { schemaVersion: 1, pack: 'p', description: '', rules: [{ id: 'DL', category: null, weight: 5, zh: 'x', en: 'x', any: ['下载“'] }] });
    assert.ok(errors.some((e) => e.includes('rules/p.yaml') && e.includes('punctuation')), errors.join('\n'));
  });

  it('named keyword lists (@name) are expanded in place, in any, all and none', () => {
    const rule = (id: string) => defaultKnowledge.rules.find((r) => r.id === id)!;
    const every = defaultKnowledge.rules.flatMap((r) => [...(r.any ?? []), ...(r.none ?? []), ...(r.all ?? []).flat()]);
    assert.deepEqual(every.filter((w) => w.startsWith('@')), [], 'no reference is left unexpanded');
    const claimWords = rule('CS_CLAIM').any ?? [];
    assert.ok(claimWords.length > 20 && claimWords.includes('我是淘宝'));
    assert.deepEqual(rule('CS_CLAIM_ANY_APP').none, ['您反映的', '您反馈的', '您咨询的', '您昨天反映', ...claimWords]);
    for (const id of ['CS_CANCEL_OFFER', 'CS_MEMBERSHIP_TRAP']) assert.ok(rule(id).none?.includes('自动续费管理'), id);
  });

  it('an unknown or twice-defined list is an error that names the file and the rule', () => {
    const pack = (name: string, lists: Record<string, string[]>, any: string[]) => ({ schemaVersion: 1, pack: name, description: '', lists, rules: [{ id: `R_${name.toUpperCase()}`, category: null, weight: 5, zh: 'x', en: 'x', any }] });
    const { errors } = buildOnePack('rules/a.yaml', pack('a', { words: ['甲'] }, ['@words', '@nowhere']), [{ file: 'rules/b.yaml', content: pack('b', { words: ['乙'] }, ['丙']) }]);
    assert.ok(errors.some((e) => e.includes('rules/a.yaml') && e.includes('R_A') && e.includes('@nowhere')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('rules/b.yaml') && e.includes('@words') && e.includes('twice')), errors.join('\n'));
  });

  it('refuses a keyword that normalisation would rewrite before matching (it could never match)', () => {
    const pack = { schemaVersion: 1, pack: 'p', description: '', rules: [{ id: 'TW_ACCOUNT', category: null, weight: 5, zh: 'x', en: 'x', any: ['更新帐户', 'vxlan', 'vx号'] }] };
    const { errors } = buildOnePack('rules/p.yaml', pack, [], [{ to: '账户', from: ['帐户'] }, { to: '微信', from: ['vx'] }]);
    assert.ok(errors.some((e) => e.includes('TW_ACCOUNT') && e.includes('更新帐户') && e.includes('账户')), errors.join('\n'));
    // The engine's own normalisation decides: Latin spellings are rewritten only as whole words ("vx号" is 微信号 in any
    // text, "vxlan" stays vxlan).
    assert.ok(!errors.some((e) => e.includes('vxlan')), 'a Latin spelling inside a longer word is not rewritten');
    assert.ok(errors.some((e) => e.includes('vx号') && e.includes('微信号')), errors.join('\n'));
  });

  it('the generated knowledge module is up to date with data/ (run npm run build:knowledge)', () => {
    const rulesDir = join(root, 'data/rules');
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.yaml'));
    const fromYaml = files.flatMap((f) => (parse(readFileSync(join(rulesDir, f), 'utf8')) as { rules: { id: string; weight: number }[] }).rules.map((r) => `${r.id}:${r.weight}`));
    const generated = defaultKnowledge.rules.map((r) => `${r.id}:${r.weight}`);
    assert.deepEqual(generated.sort(), fromYaml.sort());
  });
});

describe('rule examples', () => {
  // Rules may carry examples that must fire / must stay quiet; the core engine (no model) checks them.
  const engine = createEngine({});
  for (const rule of defaultKnowledge.rules) {
    // A check only the person contacted can report (responder_check) counts only in their turns of a call or chat:
    // its examples are read as the reply to someone who asked.
    const read = rule.tags.includes('responder_check')
      ? (text: string) => engine.analyzeConversation([{ speaker: '甲', text: '在吗？想跟你借点钱周转一下。' }, { speaker: '乙', text }])
      : (text: string) => engine.analyze(text);
    for (const text of rule.examples?.fire ?? []) {
      it(`${rule.id} fires on: ${text}`, () => assert.ok(read(text).signals.some((s) => s.id === rule.id)));
    }
    for (const text of rule.examples?.quiet ?? []) {
      it(`${rule.id} stays quiet on: ${text}`, () => assert.ok(!read(text).signals.some((s) => s.id === rule.id)));
    }
  }
});
