/**
 * Composites are matched with bit masks when the facts they name fit in one (today's knowledge), by name otherwise:
 * both paths must fire the same composites with the same spans, or a knowledge edit that adds facts past the mask
 * would silently change verdicts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectEvidence } from '../../src/core/analyze.js';
import { compileKnowledge } from '../../src/core/knowledge.js';
import { composites } from '../../src/core/score.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { readJsonl } from '../../bench/corpus.js';

test('composites fire the same by mask and by name', () => {
  const k = compileKnowledge(defaultKnowledge);
  assert.ok(k.compositeFacts, 'the shipped knowledge fits in a mask (else this test checks nothing)');
  const byName = { ...k, compositeFacts: null };
  const fixtures = new URL('../fixtures/', import.meta.url).pathname;
  const texts = ['near-domain-scam.jsonl', 'near-domain-legit.jsonl', 'seeds.jsonl'].flatMap((f) => readJsonl<{ text: string }>(fixtures + f).map((r) => r.text));
  let fired = 0;
  for (const text of texts) {
    const { signals } = collectEvidence(text, defaultKnowledge);
    const a = composites(signals, k);
    fired += a.length;
    assert.deepEqual(a, composites(signals, byName), text);
  }
  assert.ok(fired > 100, `composites fired ${fired} times: the fixtures must exercise them`);
});

test('composites that name more facts than one 31-bit word still match by mask, the same as by name', () => {
  // Twelve extra composites, each firing on a different rule id: the ids past the first word land in the second.
  const extraIds = defaultKnowledge.rules.slice(0, 12).map((r) => r.id);
  const data = {
    ...defaultKnowledge,
    policy: {
      ...defaultKnowledge.policy,
      composites: [
        ...defaultKnowledge.policy.composites,
        ...extraIds.map((id, i) => ({ id: `TEST_EXTRA_${i}`, when: [id, '!TEST_NEVER_FIRES'], weight: 1, zh: '测试', en: 'test' })),
      ],
    },
  };
  const k = compileKnowledge(data);
  assert.ok(k.compositeFacts, 'two words hold the extra facts');
  assert.ok(k.composites.some((c) => c.allMask.hi !== 0), 'some fact lives in the second word');
  const byName = { ...k, compositeFacts: null };
  const fixtures = new URL('../fixtures/', import.meta.url).pathname;
  const inSecondWord = new Set(k.composites.filter((c) => c.allMask.hi !== 0).map((c) => c.def.id));
  let secondWordFired = 0;
  for (const { text } of readJsonl<{ text: string }>(`${fixtures}near-domain-scam.jsonl`)) {
    const { signals } = collectEvidence(text, data);
    const a = composites(signals, k);
    secondWordFired += a.filter((c) => inSecondWord.has(c.id)).length;
    assert.deepEqual(a, composites(signals, byName), text);
  }
  assert.ok(secondWordFired > 0, 'composites that test the second word fire on the fixtures');
});
