import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusDir } from '../../bench/corpus.js';
import { engineText, trainingRows } from '../../tools/training-rows.js';

const root = new URL('../..', import.meta.url).pathname;
const TRAIN_OK = new Set(['teleantifraud', 'nagato', 'uci', 'mendeley', 'own']);

describe('training rows', { skip: !existsSync(corpusDir()) && 'corpus not present' }, () => {
  const { train, dev } = trainingRows();
  it('never include split=test, train_ok=false sources or test fixtures', () => {
    assert.ok(train.length > 1000);
    for (const r of [...train, ...dev]) {
      assert.notEqual(r.split, 'test', r.id);
      assert.ok(r.train_ok, r.id);
      assert.ok(TRAIN_OK.has(r.source), `${r.id} from ${r.source}`);
    }
    assert.ok(train.every((r) => r.split === 'train'));
    assert.ok(dev.every((r) => r.split === 'dev'));
  });
  it('read the text the engine reads (dialogues joined, tft5 placeholders removed)', () => {
    const dialogue = train.find((r) => r.turns && r.turns.length > 1);
    assert.ok(dialogue);
    assert.equal(engineText(dialogue).split('\n').length, dialogue.turns?.length);
    assert.equal(engineText({ ...dialogue, turns: undefined, text: '您的验证码DIGIT，请勿告诉NAME' } as never), '您的验证码，请勿告诉');
  });
});

describe('the committed artefact', () => {
  it('is at most 5 MB and its record names only allowed training sources', () => {
    const file = `${root}/models/fanzha-model.ts`;
    assert.ok(statSync(file).size <= 5 * 1024 * 1024, `${statSync(file).size} bytes`);
    const meta = JSON.parse(readFileSync(`${root}/models/fanzha-model.meta.json`, 'utf8')) as { training: { rows: Record<string, number>; heldOut?: string[]; runs?: number } };
    for (const key of Object.keys(meta.training.rows)) assert.ok(TRAIN_OK.has(key.split('/')[0] ?? ''), key);
    assert.equal(meta.training.heldOut, undefined, 'a model trained with --hold-out is for measuring, not for shipping');
    for (const source of TRAIN_OK) assert.ok(Object.keys(meta.training.rows).some((k) => k.startsWith(`${source}/`)), `no ${source} rows`);
    // One run's weights depend on its shuffle (docs/model.md, "Seed variance"): the shipped model averages runs.
    assert.ok((meta.training.runs ?? 1) >= 3, `runs: ${meta.training.runs ?? 1}`);
  });
});
