/** Whether a text gives a learned model anything to read. */

export const MIN_READABLE_FOR_MODEL = 3;

/** Letters and ideographs in the compact text, counted up to the threshold. */
export function readableChars(compact: string): number {
  let n = 0;
  for (let i = 0; i < compact.length && n < MIN_READABLE_FOR_MODEL; i++) {
    const c = compact.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) n++;
  }
  return n;
}
