/** Reads the labelled corpus in ../shared/data/corpus (or any JSONL with text and label). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CategoryId, Turn } from '../src/core/types.js';

export interface CorpusRow {
  id: string;
  source: string;
  lang: string;
  channel: string;
  text: string;
  turns?: { speaker: string; text: string }[];
  label: 'scam' | 'spam' | 'legit';
  category: CategoryId | null;
  split: 'train' | 'dev' | 'test';
  train_ok: boolean;
  notes?: string;
  /** Fixtures only: the sender (phone number or sender id) the message came from, checked as the API does. */
  sender?: string;
  /** Own training rows only: "stripped" marks a copy of another row in Taiwan's published form (data/training). */
  variant?: string;
}

/**
 * The project's shared folder (corpus, taxonomy): FANZHA_SHARED_DIR, else `../shared` beside the checkout, else
 * /work/shared — where it lives on the project machine, so a fresh clone anywhere else (CI) finds it too.
 */
export function sharedDir(): string {
  const env = process.env['FANZHA_SHARED_DIR'];
  if (env) return env;
  const beside = resolve(new URL('.', import.meta.url).pathname, '../../shared');
  return existsSync(beside) ? beside : '/work/shared';
}

export function corpusDir(): string {
  return process.env['FANZHA_CORPUS_DIR'] ?? join(sharedDir(), 'data/corpus');
}

export function readJsonl<T>(file: string): T[] {
  const rows: T[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim()) rows.push(JSON.parse(line) as T);
  }
  return rows;
}

/** All corpus rows, optionally of one split; files are read in name order. */
export function loadCorpus(split?: string, dir = corpusDir()): CorpusRow[] {
  if (!existsSync(dir)) throw new Error(`corpus not found at ${dir} (set FANZHA_CORPUS_DIR)`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const rows = files.flatMap((f) => readJsonl<CorpusRow>(join(dir, f)));
  return split && split !== 'all' ? rows.filter((r) => r.split === split) : rows;
}

/** A row of any JSONL with at least text (or turns) and label; missing fields get neutral defaults. */
export function completeRow(r: Partial<CorpusRow>, fallbackId: string, defaults: Partial<CorpusRow> = {}): CorpusRow {
  return {
    id: r.id ?? fallbackId,
    source: r.source ?? 'file',
    lang: r.lang ?? 'zh',
    channel: r.channel ?? 'sms',
    text: r.text ?? '',
    ...(r.turns ? { turns: r.turns } : {}),
    ...(r.sender ? { sender: r.sender } : {}),
    ...(r.variant ? { variant: r.variant } : {}),
    label: r.label ?? 'legit',
    category: r.category ?? null,
    split: r.split ?? 'test',
    train_ok: r.train_ok ?? false,
    ...defaults,
  };
}

export function loadFile(file: string): CorpusRow[] {
  return readJsonl<Partial<CorpusRow>>(file).map((r, i) => completeRow(r, `${file}:${i + 1}`));
}

/**
 * tft5's legit rows carry the placeholder tokens DIGIT, PLACE, NAME, URL, PHONE that its scam rows lack
 * (see the corpus README): a shortcut, not a signal. They are removed on every side before scoring or training.
 */
export function neutralisePlaceholders(text: string): string {
  return text.replace(/\b(?:DIGIT|PLACE|NAME|URL|PHONE)\b/g, '');
}

export function rowTurns(row: CorpusRow): Turn[] | null {
  return row.turns && row.turns.length > 0 ? row.turns.map((t) => ({ speaker: t.speaker, text: neutralisePlaceholders(t.text) })) : null;
}
