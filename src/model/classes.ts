import { CATEGORY_IDS, type CategoryId } from '../core/types.js';

/** Output classes of the model: legit, spam, then every taxonomy category (a scam of that kind). */
export const MODEL_CLASSES = ['legit', 'spam', ...CATEGORY_IDS] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
export const LEGIT = 0;
export const SPAM = 1;
/** Index of the first scam class; every class from here on is a category. */
export const FIRST_SCAM = 2;

export const classOf = (i: number): ModelClass => MODEL_CLASSES[i] ?? 'legit';
export const categoryOfClass = (i: number): CategoryId | null => (i >= FIRST_SCAM ? (CATEGORY_IDS[i - FIRST_SCAM] ?? null) : null);
export const classIndex = (c: ModelClass): number => MODEL_CLASSES.indexOf(c);
