import type { Entity } from '../types.js';
import type { TextView } from '../normalize/text-view.js';
import { scan } from './regex-scan.js';

/** Chinese court case numbers, e.g. (2024)浙0192民诉前调595号 or the pre-2016 (2012)曲中法执字第66号. */
const CASE_NO =
  /[(〔[]\s?((?:19|20)\d{2})\s?[)〕\]]\s?([\u4e00-\u9fff]{1,4}?\d{0,4})(知)?([\u4e00-\u9fff]{1,5}?)(字第)?(\d{1,8})号/g;

export function extractCaseNumbers(view: TextView, original: string): Entity[] {
  return scan(view, original, CASE_NO, 'case_number', (m) => ({
    value: m[0],
    meta: { year: Number(m[1]), court: m[2] ?? '', ip: Boolean(m[3]), type: m[4] ?? '', oldStyle: Boolean(m[5]), serial: m[6] ?? '' },
  }), 0);
}
