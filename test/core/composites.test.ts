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
