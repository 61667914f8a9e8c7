/** Character-level tables that NFKC does not cover. Kept small and commented; word-level evasions live in data/normalize.yaml. */

/** Zero-width, bidi and format characters, variation selectors and soft hyphens: dropped before anything else. */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Dingbat and negative circled digits that NFKC leaves alone (➀ ➊ ❶ ⓿ ⓵). */
export function dingbatDigit(cp: number): string | null {
  if (cp === 0x24ff || cp === 0x1f10c) return '0';
  if (cp >= 0x2776 && cp <= 0x277f) return String(cp - 0x2775 === 10 ? 10 : cp - 0x2775);
  if (cp >= 0x2780 && cp <= 0x2789) return String(cp - 0x277f);
  if (cp >= 0x278a && cp <= 0x2793) return String(cp - 0x2789);
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f4);
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24ea + 10);
  return null;
}

/**
 * Chinese numerals (and the spoken digit names 幺两拐洞勾; 么 is 幺 as often written, since 么 stays 么 in text) that
 * scammers use to hide phone and QQ numbers.
 */
export const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  '〇': '0', 零: '0', 洞: '0', 一: '1', 幺: '1', 么: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 貳: '2', 三: '3', 叁: '3', 參: '3',
  四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 陸: '6', 七: '7', 拐: '7', 柒: '7', 八: '8', 捌: '8',
  九: '9', 勾: '9', 玖: '9',
};

/** Unicode classes that do not carry meaning for keyword matching (punctuation, symbols, separators, controls). */
export const NOISE = /[\p{P}\p{S}\p{Z}\p{C}]/u;
export const ASCII_ALNUM = /[a-z0-9]/;
