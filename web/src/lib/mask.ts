/**
 * The masking preview on the Report page shows the reporter what the service will hide before it stores
 * a report. It runs the service's own masking code (src/store/privacy.ts, pure and dependency-free), so
 * the preview and the stored text cannot disagree.
 */
import { maskText } from '../../../src/store/privacy.js';

export interface MaskResult {
  text: string;
  /** How many numbers were masked. */
  count: number;
}

export function maskPreview(input: string): MaskResult {
  const { text, keys } = maskText(input);
  return { text, count: keys.length };
}
