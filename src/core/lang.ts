/** Script-based language guess: enough to pick rules and the explanation language. */
export function detectLang(text: string): 'zh' | 'en' | 'mixed' {
  let han = 0;
  let latin = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++;
  }
  if (han === 0) return 'en';
  // Latin letters per Han character: a Chinese SMS with a link stays zh.
  if (latin <= han * 6) return 'zh';
  return 'mixed';
}
