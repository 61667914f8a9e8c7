/** Picks the output language: --lang, else LC_ALL / LC_MESSAGES / LANG, else Chinese. */
export function pickLang(flag: string | undefined): 'zh' | 'en' {
  if (flag === 'zh' || flag === 'en') return flag;
  const env = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || '';
  return /^en/i.test(env) ? 'en' : 'zh';
}
