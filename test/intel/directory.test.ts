import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildIntel } from '../../src/intel/build-data.js';
import { resolveBrand, searchDirectory } from '../../src/intel/index.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { directorySchema } from '../../src/knowledge/schema.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = defaultKnowledge.directory;

describe('official-contact directory (data/directory.yaml)', () => {
  it('validates against the schema at load time too', () => {
    const raw: unknown = parse(readFileSync(join(root, 'data/directory.yaml'), 'utf8'));
    const r = directorySchema.safeParse(raw);
    assert.ok(r.success, r.success ? '' : r.error.message);
  });

  it('rejects an unsourced entry', () => {
    const entry = { id: 'x', kind: 'other', name: { zh: '某', en: 'X' }, aliases: ['某'], sources: [], verified: 'official' };
    assert.equal(directorySchema.safeParse({ schemaVersion: 1, entries: [entry] }).success, false);
  });

  it('covers what the issue asks for', () => {
    const ids = new Set(dir.map((d) => d.id));
    for (const id of ['alipay', 'wechat', 'unionpay', 'taobao', 'jd', 'pinduoduo', 'sf_express', 'ems', 'icbc', 'ccb', 'abc', 'boc', 'bocom', 'cmb', 'court', 'police', 'anti_fraud_center', 'anti_fraud_sms_12381', 'report_12321', 'amazon', 'paypal', 'apple', 'usps', 'chase']) {
      assert.ok(ids.has(id), id);
    }
    const numbers = new Set(dir.flatMap((d) => d.phones.map((p) => p.number)));
    for (const n of ['96110', '12381', '12321', '12368', '110', '95188', '95017', '95516']) assert.ok(numbers.has(n), n);
  });

  it('every entry has a source; domain-facts [GK] facts are never marked official', () => {
    for (const d of dir) {
      assert.ok(d.sources.length > 0, d.id);
      const titles = d.sources.map((s) => s.title).join(' ');
      if (/\[GK\]/.test(titles) && !/\[S:/.test(titles) && !d.sources.some((s) => s.url)) assert.equal(d.verified, 'general_knowledge', `${d.id} is only [GK]`);
      if (/\[LOW\]/.test(titles)) assert.notEqual(d.verified, 'official', `${d.id} rests on [LOW] sources`);
    }
  });

  it('display forms are what people dial', () => {
    for (const d of dir) {
      for (const p of d.phones) {
        const digits = p.display.replace(/\D/g, '');
        if (p.withAreaCode) assert.match(p.display, /区号\+/);
        else assert.equal(digits, p.number.replace(/\D/g, ''), `${d.id} ${p.display}`);
      }
    }
    assert.equal(dir.find((d) => d.id === 'wechat')?.phones[1]?.display, '400-670-0700');
    assert.equal(dir.find((d) => d.id === 'pinduoduo')?.phones[0]?.display, '021-53395288');
  });

  it('ids, aliases and domains are unique enough to resolve', () => {
    assert.equal(new Set(dir.map((d) => d.id)).size, dir.length);
    const domains = dir.flatMap((d) => d.domains);
    assert.equal(new Set(domains).size, domains.length);
  });

  it('searches by name, alias, number and domain', () => {
    assert.equal(searchDirectory('95188')[0]?.id, 'alipay');
    assert.equal(searchDirectory('支付寶')[0]?.id, 'alipay');
    assert.ok(searchDirectory('paypal.com').some((d) => d.id === 'paypal'));
    assert.ok(searchDirectory('银行').length >= 6);
    assert.equal(searchDirectory('').length, dir.length);
    assert.deepEqual(searchDirectory('no-such-thing-xyz'), []);
  });

  it('resolves claims by id, name, alias or a phrase containing one', () => {
    assert.equal(resolveBrand('alipay')?.id, 'alipay');
    assert.equal(resolveBrand('花呗')?.id, 'alipay');
    assert.equal(resolveBrand('拼多多客服')?.id, 'pinduoduo');
    assert.equal(resolveBrand('PayPal')?.id, 'paypal');
    assert.equal(resolveBrand('zzz'), null);
  });
});

describe('intel data lists (data/intel/*.yaml)', () => {
  const files = readdirSync(join(root, 'data/intel'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: f, content: parse(readFileSync(join(root, 'data/intel', f), 'utf8')) as unknown }));

  it('validate and are compiled into the knowledge', () => {
    const { data, errors } = buildIntel(files);
    assert.deepEqual(errors, []);
    assert.deepEqual(defaultKnowledge.intel, data, 'run npm run build:knowledge');
  });

  it('reports bad files', () => {
    const { errors } = buildIntel([{ file: 'bad.yaml', content: { schemaVersion: 1, description: 'x', shorteners: 'nope' } }]);
    assert.ok(errors.length > 0);
  });

  it('keeps operator short links off the shortener list', () => {
    assert.ok(!defaultKnowledge.intel?.shorteners.some((s) => s.endsWith('10010.cn') || s.endsWith('10086.cn')));
  });

  it('has every court code of the 2015 rules and the pre-suit mediation codes', () => {
    assert.equal(defaultKnowledge.intel?.courtCodes.length, 34);
    for (const t of ['民诉前调', '诉前调确', '诉前调书', '民初', '执', '财保']) assert.ok(defaultKnowledge.intel?.caseTypes.some((c) => c.code === t), t);
  });
});

describe('data/signals/intel.yaml', () => {
  it('defines every finding id the checkers can produce', () => {
    const src = readdirSync(join(root, 'src/intel'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(root, 'src/intel', f), 'utf8'))
      .join('\n');
    const ids = new Set([...src.matchAll(/'((?:PHONE|URL|CASE_NUMBER|NOTICE|ANTIFRAUD)_[A-Z0-9_]+)'/g)].map((m) => m[1] as string));
    assert.ok(ids.size > 30);
    for (const id of ids) assert.ok(defaultKnowledge.signals.some((s) => s.id === id), `${id} has no wording in intel.yaml`);
  });
});
