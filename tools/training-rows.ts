/**
 * The rows the learned model may learn from, in one place so that the trainer and the peer baseline use exactly
 * the same ones: corpus rows with train_ok=true (never split=test), plus the project's own examples in
 * data/training/*.jsonl (a row there with split=dev is held for calibration).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completeRow, loadCorpus, neutralisePlaceholders, readJsonl, rowTurns, type CorpusRow } from '../bench/corpus.js';
import { CATEGORY_IDS } from '../src/core/types.js';

const root = new URL('..', import.meta.url).pathname;
export const OWN_DIR = join(root, 'data/training');

export function ownFiles(): string[] {
  return existsSync(OWN_DIR) ? readdirSync(OWN_DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];
}

export function ownRows(): CorpusRow[] {
  const rows = ownFiles().flatMap((f) =>
    readJsonl<Partial<CorpusRow>>(join(OWN_DIR, f)).map((r, i) =>
      completeRow(r, `own:${f}:${i + 1}`, { source: 'own', split: r.split === 'dev' ? 'dev' : 'train', train_ok: true }),
    ),
  );
  for (const r of rows) {
    if (!['scam', 'spam', 'legit'].includes(r.label)) throw new Error(`${r.id}: label must be scam, spam or legit`);
    if (r.category !== null && !(CATEGORY_IDS as readonly string[]).includes(r.category)) throw new Error(`${r.id}: unknown category ${r.category}`);
    if (r.label !== 'scam' && r.category !== null) throw new Error(`${r.id}: only scams have a category`);
  }
  return rows;
}

/**
 * Training and calibration rows; throws if anything not allowed slipped in. `holdOut`: sources left out entirely (a
 * leave-one-source-out check of how the model does on a source it never saw).
 */
export function trainingRows(holdOut: readonly string[] = []): { train: CorpusRow[]; dev: CorpusRow[] } {
  const all = loadCorpus('all');
  const sources = new Set(all.map((r) => r.source));
  for (const s of holdOut) if (!sources.has(s)) throw new Error(`--hold-out ${s}: no such corpus source (${[...sources].sort().join(', ')})`);
  const corpus = all.filter((r) => r.train_ok && r.split !== 'test' && !holdOut.includes(r.source));
  const own = ownRows();
  const train = [...corpus.filter((r) => r.split === 'train'), ...own.filter((r) => r.split === 'train')];
  const dev = [...corpus.filter((r) => r.split === 'dev'), ...own.filter((r) => r.split === 'dev')];
  if (train.some((r) => !r.train_ok || r.split !== 'train')) throw new Error('refusing to train on a row that is not train_ok/split=train');
  return { train, dev };
}

/** The text the engine reads for a row: dialogues joined as "speaker: text" lines, tft5 placeholders removed. */
export function engineText(row: CorpusRow): string {
  const turns = rowTurns(row);
  return turns ? turns.map((t) => `${t.speaker}: ${t.text}`).join('\n') : neutralisePlaceholders(row.text);
}
