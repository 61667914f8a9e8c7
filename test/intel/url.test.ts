import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUrl, editDistance, IntelInputError, skeleton, type Risk } from '../../src/intel/index.js';

interface Row {
  url: string;
  claims?: string;
  risk: Risk;
  finding?: string;
  absent?: string[];
  official?: string | null;
  domain?: string | null;
  why: string;
}

const ROWS: Row[] = [
  // Look-alikes
  { url: 'alipay.com.refund-help.cn', risk: 'high', finding: 'URL_LOOKALIKE', official: 'alipay', domain: 'refund-help.cn', why: 'brand as a subdomain of another domain' },
  { url: 'https://alipay-refund.top/login', risk: 'high', finding: 'URL_LOOKALIKE', official: 'alipay', why: 'brand inside another registrable domain' },
  { url: 'jd-refund.top', risk: 'high', finding: 'URL_LOOKALIKE', official: 'jd', why: 'a short brand as a whole token' },
  { url: 'https://amazon-security.top/verify', risk: 'high', finding: 'URL_LOOKALIKE', official: 'amazon', why: 'English smishing form' },
  { url: '95516aa.com', risk: 'high', finding: 'URL_LOOKALIKE', official: 'unionpay', why: 'UnionPay look-alike seen in the wild [S:B6]' },
  { url: 'unioay.com', risk: 'medium', finding: 'URL_TYPO_DOMAIN', official: 'unionpay', why: 'UnionPay typo domain [S:B6]' },
  { url: 'https://paypa1.com', risk: 'medium', finding: 'URL_TYPO_DOMAIN', official: 'paypal', why: 'digit 1 for letter l' },
  { url: 'https://arnazon.com', risk: 'medium', finding: 'URL_TYPO_DOMAIN', official: 'amazon', why: 'rn for m' },
  { url: 'http://аlipay.com/login', risk: 'high', finding: 'URL_HOMOGLYPH', official: 'alipay', why: 'Cyrillic а (punycode xn--lipay-3ve.com)' },
  { url: 'xn--lipay-3ve.com', risk: 'high', finding: 'URL_HOMOGLYPH', why: 'the same host already in punycode' },
  { url: 'alipay.github.io', risk: 'high', finding: 'URL_LOOKALIKE', why: 'brand on a free host' },
  // Tricks
  { url: 'http://alipay.com@evil.top/', risk: 'high', finding: 'URL_CREDENTIALS', absent: ['URL_OFFICIAL_DOMAIN'], why: 'what comes before @ is not the host' },
  { url: 'http://1.2.3.4/pay', risk: 'high', finding: 'URL_RAW_IP', domain: null, why: 'raw IPv4 host' },
  { url: 'http://3232235777/x', risk: 'high', finding: 'URL_RAW_IP', why: 'decimal IP the URL parser turns into 192.168.1.1' },
  { url: 'http://[::1]/', risk: 'high', finding: 'URL_RAW_IP', why: 'IPv6 literal' },
  { url: 'https://pay-check.cn:8443/a', risk: 'medium', finding: 'URL_NONSTANDARD_PORT', why: 'odd port' },
  { url: 'https://t.cn/A6xYz', risk: 'medium', finding: 'URL_SHORTENER', why: 'Weibo shortener' },
  { url: 'https://bit.ly/3abc', risk: 'medium', finding: 'URL_SHORTENER', why: 'bit.ly' },
  { url: 'https://foo.vercel.app', risk: 'medium', finding: 'URL_FREE_HOSTING', why: 'free hosting' },
  { url: 'https://bucket.s3.amazonaws.com/index.html', risk: 'medium', finding: 'URL_FREE_HOSTING', absent: ['URL_LOOKALIKE'], why: 'S3 bucket: anyone\'s page, not an Amazon look-alike' },
  { url: 'http://home.duckdns.org', risk: 'medium', finding: 'URL_DYNAMIC_DNS', why: 'dynamic DNS' },
  { url: 'https://xn--fiqs8s.cn', risk: 'unknown', finding: 'URL_PUNYCODE', why: 'a plain Chinese IDN is only a hint' },
  { url: 'https://example.top', risk: 'unknown', finding: 'URL_RISKY_TLD', why: 'a risky TLD alone stays unknown' },
  { url: 'http://example.com', risk: 'unknown', finding: 'URL_PLAIN_HTTP', why: 'plain http is a low hint' },
  { url: 'example.com', risk: 'unknown', absent: ['URL_PLAIN_HTTP'], official: null, why: 'no scheme typed: no http hint' },
  // Official and legitimate look-alikes that must NOT be flagged
  { url: 'https://u.10010.cn/qAbCd', risk: 'unknown', finding: 'URL_LISTED_DOMAIN', absent: ['URL_SHORTENER', 'URL_LOOKALIKE'], official: 'china_unicom', why: 'operator short link in Unicom SMS' },
  { url: 'https://u.10010.cn/qAbCd', claims: '中国联通', risk: 'unknown', absent: ['URL_NOT_OFFICIAL_FOR_CLAIM'], official: 'china_unicom', why: 'claim and domain agree' },
  { url: 'https://www.amazon.com/gp/your-account', risk: 'low', finding: 'URL_OFFICIAL_DOMAIN', official: 'amazon', why: 'sourced official domain → low' },
  { url: 'https://pay.amazon.com', risk: 'low', finding: 'URL_OFFICIAL_DOMAIN', why: 'a dot before amazon.com' },
  { url: 'https://www.paypal.com/signin', risk: 'low', finding: 'URL_OFFICIAL_DOMAIN', official: 'paypal', why: 'PayPal' },
  { url: 'https://www.alipay.com', risk: 'unknown', finding: 'URL_LISTED_DOMAIN', official: 'alipay', why: 'Alipay domain is [GK]: listed, not "official"' },
  { url: 'https://pay.weixin.qq.com/x', risk: 'unknown', finding: 'URL_LISTED_DOMAIN', official: 'wechat', why: 'WeChat Pay subdomain' },
  { url: 'https://zxfw.court.gov.cn/zxfw/#/pagesAjkj/app/wssa', risk: 'unknown', finding: 'URL_LISTED_DOMAIN', official: 'court', why: '人民法院在线服务 link in a court SMS [S:M3]' },
  { url: 'https://www.bjcourt.gov.cn', risk: 'unknown', absent: ['URL_LOOKALIKE', 'URL_TYPO_DOMAIN'], why: 'a local court site is no court look-alike' },
  { url: 'https://www.douyu.com', risk: 'unknown', absent: ['URL_TYPO_DOMAIN'], why: 'douyu is not douyin' },
  { url: 'https://www.pineapple.com', risk: 'unknown', absent: ['URL_LOOKALIKE'], why: 'ends with "apple" but is not Apple' },
  // Claims
  { url: 'https://refund-center.net/a', claims: 'alipay', risk: 'medium', finding: 'URL_NOT_OFFICIAL_FOR_CLAIM', official: 'alipay', why: 'claims Alipay, link elsewhere' },
  { url: 'https://www.alipay.com', claims: 'alipay', risk: 'unknown', absent: ['URL_NOT_OFFICIAL_FOR_CLAIM'], why: 'claim matches' },
];

describe('checkUrl', () => {
  for (const row of ROWS) {
    it(`${row.url}${row.claims ? ` claiming ${row.claims}` : ''} → ${row.risk} (${row.why})`, () => {
      const r = checkUrl(row.url, row.claims ? { claims: row.claims } : {});
      const ids = r.findings.map((f) => f.id);
      assert.equal(r.risk, row.risk, ids.join(','));
      if (row.finding) assert.ok(ids.includes(row.finding), `${row.finding} missing in ${ids.join(',')}`);
      for (const a of row.absent ?? []) assert.ok(!ids.includes(a), `${a} must not fire`);
      if (row.official !== undefined) assert.equal(r.official?.id ?? null, row.official);
      if (row.domain !== undefined) assert.equal(r.details.domain, row.domain);
      for (const f of r.findings) assert.doesNotMatch(f.explanation.zh + f.explanation.en, /\{\w+\}/, `unfilled placeholder in ${f.id}`);
    });
  }

  it('takes the longest host names DNS allows', () => {
    assert.equal(checkUrl(`http://${'a'.repeat(63)}.cn/x`).details.domain, `${'a'.repeat(63)}.cn`);
    assert.equal(checkUrl(`${'abcdefghi.'.repeat(24)}abcdefghij.cn`).details.publicSuffix, 'cn');
  });

  it('shows the decoded host a victim sees', () => {
    const r = checkUrl('http://аlipay.com/login');
    assert.equal(r.details.hostname, 'xn--lipay-3ve.com');
    assert.equal(r.details.hostnameUnicode, 'аlipay.com');
  });

  it('vouches for a host under a government-only suffix, not for a name that only contains one', () => {
    const ids = (u: string) => checkUrl(u).findings.map((f) => f.id);
    assert.ok(ids('https://www.mvdis.gov.tw/m3-emv-plate/').includes('URL_GOVERNMENT_DOMAIN'));
    assert.ok(ids('https://www.beijing.gov.cn').includes('URL_GOVERNMENT_DOMAIN'));
    assert.ok(!ids('https://mvdis-gov-tw.top/pay').includes('URL_GOVERNMENT_DOMAIN'));
    assert.ok(!ids('https://gov.tw.verify-login.cc/a').includes('URL_GOVERNMENT_DOMAIN'));
  });

  it('reads defanged links (hxxp, [.])', () => {
    assert.equal(checkUrl('hxxp://alipay-refund[.]top').details.domain, 'alipay-refund.top');
  });

  it('rejects what is not a web link', () => {
    // DNS limits: a label of 64 characters or a name of 254 cannot exist, though the URL parser takes them.
    const longLabel = `http://${'a'.repeat(64)}.cn/x`;
    const longName = `${'abcdefghi.'.repeat(24)}abcdefghijk.cn`; // 254
    for (const bad of ['', 'hello', 'javascript:alert(1)', 'ftp://x.com/a', 'http://', 'a'.repeat(5000), longLabel, longName, `${'a'.repeat(2040)}.cn`]) {
      assert.throws(() => checkUrl(bad), IntelInputError, bad);
    }
  });

  it('skeleton folds look-alike characters and editDistance is bounded', () => {
    assert.equal(skeleton('pаypа1'), 'paypal');
    assert.equal(skeleton('arnazon'), 'amazon');
    assert.equal(editDistance('unioay', 'unionpay', 2), 2);
    assert.equal(editDistance('alipya', 'alipay', 1), 1);
    assert.equal(editDistance('a'.repeat(60), 'b'.repeat(60), 2), 3);
  });
});

describe('checkUrl: same brand name under another ending', () => {
  it('alipay.cc is a medium-risk imitation, not a high one', () => {
    const r = checkUrl('https://www.alipay.cc/');
    assert.equal(r.risk, 'medium');
    assert.ok(r.findings.some((f) => f.id === 'URL_BRAND_OTHER_SUFFIX'));
  });
  it('a subdomain on it is still a look-alike', () => {
    assert.ok(checkUrl('login.alipay.cc').findings.some((f) => f.id === 'URL_LOOKALIKE'));
  });
  it('chinaunicom.cn (listed) is not flagged', () => {
    assert.equal(checkUrl('http://www.chinaunicom.cn/').findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length, 0);
  });
});
