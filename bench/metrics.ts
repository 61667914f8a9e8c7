/** Scoring convention of the corpus README: scam caught when flagged (scam|suspicious); spam caught when not safe; legit FP when flagged. */
import type { CategoryId, Verdict } from '../src/core/types.js';
import type { CorpusRow } from './corpus.js';

export interface Prediction {
  verdict: Verdict;
  category: CategoryId | null;
}

export interface Counts {
  n: number;
  scam: number;
  spam: number;
  legit: number;
  scamFlagged: number;
  spamCaught: number;
  /** spam rows flagged as scam|suspicious: false positives for scam detection */
  spamFlagged: number;
  legitFlagged: number;
  legitSpam: number;
  /** rows with a category that were flagged, and of those, with the right category */
  catFlagged: number;
  catRight: number;
}

export const emptyCounts = (): Counts => ({ n: 0, scam: 0, spam: 0, legit: 0, scamFlagged: 0, spamCaught: 0, spamFlagged: 0, legitFlagged: 0, legitSpam: 0, catFlagged: 0, catRight: 0 });

export const isFlagged = (v: Verdict): boolean => v === 'scam' || v === 'suspicious';

export function add(c: Counts, row: CorpusRow, p: Prediction): void {
  c.n++;
  const flagged = isFlagged(p.verdict);
  if (row.label === 'scam') {
    c.scam++;
    if (flagged) c.scamFlagged++;
    if (row.category && flagged) {
      c.catFlagged++;
      if (p.category === row.category) c.catRight++;
    }
  } else if (row.label === 'spam') {
    c.spam++;
    if (p.verdict !== 'safe') c.spamCaught++;
    if (flagged) c.spamFlagged++;
  } else {
    c.legit++;
    if (flagged) c.legitFlagged++;
    else if (p.verdict === 'spam') c.legitSpam++;
  }
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const f1 = (p: number | null, r: number | null): number | null => (p === null || r === null || p + r === 0 ? (p === 0 || r === 0 ? 0 : null) : (2 * p * r) / (p + r));

export interface Metrics {
  n: number;
  scam: number;
  spam: number;
  legit: number;
  /** flagged (scam|suspicious) against label scam */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** corpus convention: scam and spam rows are positives (spam caught when not safe) */
  caughtPrecision: number | null;
  caughtRecall: number | null;
  caughtF1: number | null;
  legitFpr: number | null;
  legitSpamRate: number | null;
  categoryAccuracy: number | null;
}

export function metrics(c: Counts): Metrics {
  // Flagged precision: how many flagged rows were really scams. Spam rows flagged count against it.
  const flaggedTotal = c.scamFlagged + c.legitFlagged + c.spamFlagged;
  const precision = c.scam === 0 ? null : ratio(c.scamFlagged, flaggedTotal);
  const recall = ratio(c.scamFlagged, c.scam);
  const caughtTp = c.scamFlagged + c.spamCaught;
  const caughtPrecision = c.scam + c.spam === 0 ? null : ratio(caughtTp, caughtTp + c.legitFlagged);
  const caughtRecall = ratio(caughtTp, c.scam + c.spam);
  return {
    n: c.n,
    scam: c.scam,
    spam: c.spam,
    legit: c.legit,
    precision,
    recall,
    f1: c.scam === 0 ? null : f1(precision, recall),
    caughtPrecision,
    caughtRecall,
    caughtF1: c.scam + c.spam === 0 ? null : f1(caughtPrecision, caughtRecall),
    legitFpr: ratio(c.legitFlagged, c.legit),
    legitSpamRate: ratio(c.legitSpam, c.legit),
    categoryAccuracy: ratio(c.catRight, c.catFlagged),
  };
}
