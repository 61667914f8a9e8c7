/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against a real
 * `fanzha serve` on a temporary SQLite data directory. Screenshots of every page, in Chinese and
 * English, go to test-artifacts/web/; with FANZHA_UPDATE_SCREENSHOTS=1 one of each is also saved (as JPEG)
 * in docs/screenshots/. The time from the analyze response to the rendered verdict is measured in the
 * page and written to test-artifacts/web/timings.json (reported, never asserted).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, startServer, type RunningServer } from './server-harness.js';

declare global {
  interface Window {
    /** Set by the Check page (web/src/pages/check.tsx): ms from the response to the verdict committed / painted. */
    __fanzhaTimings?: { commitMs: number; paintMs: number }[];
  }
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts/web');
const DOCS_SHOTS = join(ROOT, 'docs/screenshots');
const UPDATE_DOCS = process.env['FANZHA_UPDATE_SCREENSHOTS'] === '1';

// A scam script quoted in seed 003 (武汉反诈骗, "客服的退款电话可信吗？"), as a message.
const SCAM = '您好，我是支付宝客服。我们操作失误，把您设置成批发商账号，每个月会从您的支付宝里扣500元，需要帮您取消这个业务吗？请添加客服QQ 88996655 按指引操作。';
const SCAM_LINK = '快递货车起火，您的包裹正在燃烧。我们是快递公司的，要给您退款，请点击链接 http://sf-refund-web.top/pay 填写银行卡信息。';
const OTP = '【支付宝】验证码 482913，用于登录验证，5分钟内有效，请勿泄露给他人。';
const TRANSCRIPT = 'A: 您好，我是京东金融客服，您之前开通了学生账户，现在需要注销，否则会影响征信。\nB: 那怎么办？\nA: 您需要把钱转到我们的安全账户进行清零验证，然后我们会退还给您。';

let server: RunningServer;
let browser: Browser;
const timings: { case: string; commitMs: number; paintMs: number }[] = [];
/** Every request a page made outside the fanzha server: the app must work with no internet (no CDN, fonts, trackers). */
const foreignRequests: string[] = [];

async function newPage(locale: 'zh-CN' | 'en-US', mobile = false): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    locale,
    ...(mobile
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1200, height: 900 } }),
  });
  const page = await ctx.newPage();
  // Generous: the machine is shared, and a slow answer should fail on its content, not on a timer.
  page.setDefaultTimeout(60_000);
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  page.on('console', (m) => process.env['WEB_DEBUG'] && process.stderr.write(`console ${m.type()} ${m.text()}\n`));
  page.on('response', (r) => process.env['WEB_DEBUG'] && process.stderr.write(`resp ${r.status()} ${r.url()}\n`));
  return { ctx, page };
}

async function shot(page: Page, name: string, docs = false): Promise<void> {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  // The README's copies are JPEG: a fifth of the size of the PNG artifacts, and sharp enough.
  if (docs && UPDATE_DOCS) await page.screenshot({ path: join(DOCS_SHOTS, `${name}.jpg`), fullPage: true, type: 'jpeg', quality: 60 });
}

/**
 * WCAG AA text contrast of everything visible on the page: each element with its own text against
 * the first opaque background behind it (4.5:1, or 3:1 for large text). Disabled controls are exempt.
 */
// Plain JavaScript source: tsx would wrap named arrow functions in a helper the page does not have.
const CONTRAST_AUDIT = `(() => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const lum = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const bgOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] >= 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  const out = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.disabled) continue;
    const st = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (st.visibility === 'hidden' || st.display === 'none' || rect.width === 0 || rect.height === 0) continue;
    if (el.closest('.skip')) continue;
    const fg = parse(st.color);
    if (!fg) continue;
    const bg = bgOf(el);
    const a = fg[3];
    const fgB = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
    const l1 = lum(fgB);
    const l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) out.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2) + ':1');
  }
  return out;
})()`;

async function contrastFailures(page: Page): Promise<string[]> {
  return (await page.evaluate(CONTRAST_AUDIT)) as string[];
}

async function check(page: Page, text: string, label: string): Promise<string> {
  await page.goto(server.url + '/');
  await page.getByTestId('check-submit').waitFor();
  await page.locator('#check-input').fill(text);
  const n = await page.evaluate(() => window.__fanzhaTimings?.length ?? 0);
  await page.getByTestId('check-submit').click();
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  await page.waitForFunction((k) => (window.__fanzhaTimings?.length ?? 0) > k, n);
  const t = await page.evaluate(() => window.__fanzhaTimings!.at(-1)!);
  timings.push({ case: label, ...t });
  return (await verdict.getAttribute('data-verdict')) ?? '';
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  if (UPDATE_DOCS) mkdirSync(DOCS_SHOTS, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  assert.deepEqual(foreignRequests, [], 'the pages load nothing from outside the fanzha server');
  if (timings.length) {
    const sorted = timings.map((t) => t.paintMs).sort((a, b) => a - b);
    const summary = { runs: timings, paintMsMax: sorted.at(-1), paintMsMedian: sorted[Math.floor(sorted.length / 2)] };
    writeFileSync(join(ARTIFACTS, 'timings.json'), JSON.stringify(summary, null, 2));
    process.stdout.write(`# web: response → verdict painted: median ${summary.paintMsMedian?.toFixed(1)} ms, max ${summary.paintMsMax?.toFixed(1)} ms over ${timings.length} checks\n`);
  }
});

describe('web app in Chromium', () => {
  test('check: a scam message gets a scam banner, highlighted evidence with reasons, advice and the real contact', async () => {
    const { ctx, page } = await newPage('zh-CN');
    assert.equal(await check(page, SCAM, 'scam zh'), 'scam');
    const banner = page.getByTestId('verdict');
    assert.match(await banner.innerText(), /这是诈骗/);
    assert.match(await page.getByTestId('category').innerText(), /冒充电商物流及平台客服/);
    const marks = page.locator('[data-testid="evidence-text"] mark.hl-risk');
    assert.ok((await marks.count()) > 0, 'at least one evidence span is highlighted');
    // The marked text is really part of the message, and hovering it says why.
    const first = marks.first();
    assert.ok(SCAM.includes(await first.innerText()));
    await first.hover();
    assert.ok((await page.locator('#why-panel li').count()) > 0, 'hover shows the reasons');
    assert.ok((await page.getByTestId('advice').locator('li').count()) > 0);
    assert.match(await page.getByTestId('official').innerText(), /支付宝官方客服：95188/);
    // The whole text is shown, once, in order.
    assert.equal(await page.getByTestId('evidence-text').innerText(), SCAM);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast on the scam result');
    // The family warning is copied to the clipboard with the verdict and the message.
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByTestId('copy-warning').click();
    await page.locator('.ok[role="status"]').waitFor();
    const warning = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(warning, /防骗提醒/);
    assert.match(warning, /批发商账号/);
    await shot(page, 'check-scam-zh', true);
    await ctx.close();
  });

  test('check: a genuine verification-code SMS is not called a scam', async () => {
    const { ctx, page } = await newPage('zh-CN');
    const v = await check(page, OTP, 'otp zh');
    assert.ok(v !== 'scam' && v !== 'suspicious', `verdict ${v}`);
    assert.match(await page.getByTestId('verdict').innerText(), /未发现诈骗迹象|广告/);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast on the safe result');
    await shot(page, 'check-safe-zh');
    await ctx.close();
  });

  test('check: a pasted A:/B: transcript is detected and analysed as a conversation', async () => {
    const { ctx, page } = await newPage('zh-CN');
    await page.goto(server.url + '/');
    await page.locator('#check-input').fill(TRANSCRIPT);
    assert.equal(await page.getByTestId('input-kind').getAttribute('data-kind'), 'transcript');
    await page.locator('#check-input').fill('');
    assert.equal(await check(page, TRANSCRIPT, 'transcript zh'), 'scam');
    assert.match(await page.getByTestId('evidence-text').innerText(), /安全账户/);
    assert.match(await page.getByTestId('risk-turn').innerText(), /从第 [0-9]+ 句话起/);
    assert.match(await page.getByTestId('official').innerText(), /京东官方客服：950618/);
    // A police impersonation names no company: the real police number is shown.
    await check(page, '我是公安局的警官，你的身份证涉嫌一起洗钱案，需要配合调查，把资金转到安全账户。', 'police zh');
    assert.match(await page.getByTestId('official').innerText(), /公安机关：110/);
    await ctx.close();
  });

  test('check a phone number: lookup says unknown is not safe; 95188 is official', async () => {
    const { ctx, page } = await newPage('zh-CN');
    await check(page, '95188', 'phone zh');
    const r = page.getByTestId('lookup-result');
    assert.equal(await r.getAttribute('data-status'), 'official');
    await page.goto(server.url + '/lookup');
    await page.locator('#lk-value').fill('+86 171 2345 6789');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('lookup-result').waitFor();
    assert.equal(await page.getByTestId('lookup-result').getAttribute('data-status'), 'unknown');
    assert.match(await page.getByTestId('unknown-not-safe').innerText(), /不代表安全/);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast on the lookup page');
    await shot(page, 'lookup-zh', true);
    // "This is wrong" on a lookup: an unknown number is preselected as a missed scam.
    await page.getByRole('button', { name: '判断有误？' }).click();
    assert.equal(await page.locator('input[name="fb-kind"]:checked').getAttribute('value'), 'missed_scam');
    await page.getByRole('button', { name: '提交反馈' }).click();
    await page.getByTestId('feedback-thanks').waitFor();
    await ctx.close();
  });

  test('report → analyst console (login, confirm) → blocklist export; feedback reaches the inbox', async () => {
    const { ctx, page } = await newPage('zh-CN');
    assert.equal(await check(page, SCAM_LINK, 'link scam zh'), 'scam');
    // "This is wrong" feedback from the same result.
    await page.getByTestId('wrong').click();
    await page.locator('#fb-note').fill('web test feedback');
    await page.getByRole('button', { name: '提交反馈' }).click();
    await page.getByTestId('feedback-thanks').waitFor();
    // "Report this" opens the report form prefilled with the link and the message.
    await page.getByTestId('report-this').click();
    await page.getByTestId('report-form').waitFor();
    assert.equal(await page.locator('input[name="kind"]:checked').getAttribute('value'), 'url');
    assert.equal(await page.locator('#r-value').inputValue(), 'http://sf-refund-web.top/pay');
    assert.equal(await page.locator('#r-evidence').inputValue(), SCAM_LINK);
    // Validation: an empty value is refused with a message on the field.
    await page.locator('#r-value').fill('');
    await page.getByTestId('report-submit').click();
    assert.equal(await page.locator('#r-value').getAttribute('aria-invalid'), 'true');
    await page.locator('#r-value').fill('http://sf-refund-web.top/pay');
    await page.locator('#r-description').fill('收到短信说包裹起火要退款，我的手机号 13912345678 被对方知道。');
    assert.match(await page.getByTestId('mask-preview').innerText(), /139\*\*\*\*5678/);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast on the report form');
    await shot(page, 'report-zh', true);
    await page.getByTestId('report-submit').click();
    const done = page.getByTestId('report-done');
    await done.waitFor();
    const id = /编号：(\S+)/.exec(await done.innerText())?.[1];
    assert.ok(id, 'the confirmation shows the report id');
    await shot(page, 'report-done-zh');

    // A few more reports of other kinds through the API, so the queue, chart and top list have variety.
    for (const r of [
      { kind: 'phone', value: '+86 171 0000 1234', category: 'impersonate_authority', description: '自称公安局，说我涉嫌洗钱' },
      { kind: 'im_handle', value: 'invest_teacher_88', platform: 'wechat', category: 'fake_investment', description: '荐股群老师' },
      { kind: 'payment_account', value: '6222021234567890123', category: 'task_rebate', description: '刷单返利让我转账到这个卡号' },
      { kind: 'sms', value: '10690000123', category: 'phishing', evidence: '【ETC】您的ETC已失效，请点击 http://etc-renew.top 认证' },
    ]) {
      const res = await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) });
      assert.equal(res.status, 201, await res.text());
    }

    // Analyst: a wrong key is refused, the right one opens the queue, which holds the report.
    await page.goto(server.url + '/analyst');
    await page.locator('#api-key').fill('fz_wrong_key');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.error').waitFor();
    await page.locator('#api-key').fill(server.analystKey);
    await page.getByRole('button', { name: '登录' }).click();
    const item = page.locator(`[data-testid="queue-item"][data-id="${id}"]`);
    await item.waitFor();
    assert.match(await item.innerText(), /sf-refund-web\.top/);
    assert.doesNotMatch(await item.innerText(), /13912345678/, 'the stored description is masked');
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast in the analyst console');
    await shot(page, 'analyst-queue-zh', true);
    // The key survives a reload (sessionStorage) and is never in localStorage.
    await page.reload();
    await item.waitFor();
    assert.equal(await page.evaluate(() => Object.values(localStorage).some((v) => v.startsWith('fz'))), false);
    await item.locator('#note-' + id).fill('web test: confirmed');
    await item.getByTestId('confirm').click();
    await page.locator('.ok[role="status"]').waitFor();
    await page.selectOption('#f-status', 'confirmed');
    await page.locator(`[data-testid="queue-item"][data-id="${id}"] .badge-confirmed`).waitFor();
    // Reject the phone report; merge the WeChat one into the confirmed link report.
    await page.selectOption('#f-status', 'pending');
    await page.selectOption('#f-kind', 'phone');
    const phoneItem = page.locator('[data-testid="queue-item"]', { hasText: '17100001234' });
    await phoneItem.getByTestId('reject').click();
    await page.locator('.ok[role="status"]', { hasText: '已驳回' }).waitFor();
    await page.selectOption('#f-kind', 'im_handle');
    const imItem = page.locator('[data-testid="queue-item"]', { hasText: 'invest_teacher_88' });
    await imItem.getByRole('button', { name: '合并到…' }).click();
    await imItem.getByLabel('合并到举报编号').fill(id);
    await imItem.getByRole('button', { name: 'OK' }).click();
    await page.locator('.ok[role="status"]', { hasText: '已合并' }).waitFor();
    await page.selectOption('#f-kind', '');
    await page.selectOption('#f-status', '');
    await page.locator('[data-testid="queue-item"]', { hasText: '17100001234' }).locator('.badge-rejected').waitFor();
    await page.locator('[data-testid="queue-item"]', { hasText: 'invest_teacher_88' }).locator('.badge-merged').waitFor();

    await page.getByRole('tab', { name: '拦截名单导出' }).click();
    await page.waitForFunction(() => /sf-refund-web\.top/.test(document.querySelector('[data-testid="blocklist-preview"]')?.textContent ?? ''));
    assert.doesNotMatch(await page.getByTestId('blocklist-preview').innerText(), /17100001234/, 'a rejected report is not blocked');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 CSV/ }).click()]);
    assert.equal(download.suggestedFilename(), 'fanzha-blocklist.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /^kind,value,category,reporters,confirmed_at\n/);
    assert.match(csv, /url,sf-refund-web\.top/);
    await shot(page, 'analyst-blocklist-zh');
    await page.getByRole('tab', { name: '举报趋势' }).click();
    await page.getByTestId('trend-chart').waitFor();
    assert.ok((await page.locator('[data-testid="trend-chart"] rect').count()) > 0, 'the chart has a bar');
    assert.match(await page.getByTestId('top-identifiers').innerText(), /sf-refund-web\.top/);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast of the trend page');
    await shot(page, 'analyst-trend-zh', true);
    await page.getByRole('tab', { name: '反馈收件箱' }).click();
    await page.getByTestId('feedback-inbox').waitFor();
    assert.match(await page.getByTestId('feedback-inbox').innerText(), /web test feedback/);

    // The confirmed link now reads as a confirmed scam when it turns up in a new message.
    await page.goto(server.url + '/');
    await page.locator('#check-input').fill('您好，退款请点 http://sf-refund-web.top/pay 办理。');
    await page.locator('details.more summary').click();
    await page.locator('#check-sender').fill('10690000123');
    await page.getByTestId('check-submit').click();
    await page.getByTestId('identifiers').waitFor();
    assert.match(await page.getByTestId('identifiers').innerText(), /sf-refund-web\.top.*已确认的诈骗/);
    await ctx.close();
  });

  test('learn: every category is listed and linkable', async () => {
    const { ctx, page } = await newPage('zh-CN');
    await page.goto(server.url + '/learn');
    await page.getByTestId('learn-list').waitFor();
    assert.equal(await page.getByTestId('learn-list').locator('li').count(), 14);
    await shot(page, 'learn-zh', true);
    // A deep link works straight from the server (SPA fallback).
    await page.goto(server.url + '/learn/fake_customer_service');
    await page.getByTestId('learn-detail').waitFor();
    assert.equal(await page.getByTestId('learn-detail').getAttribute('data-category'), 'fake_customer_service');
    assert.match(await page.locator('h1').innerText(), /冒充电商物流及平台客服/);
    await shot(page, 'learn-detail-zh');
    await ctx.close();
  });

  test('language: English is chosen from the browser, the switch changes it and it sticks', async () => {
    const { ctx, page } = await newPage('en-US');
    await page.goto(server.url + '/');
    assert.equal(await page.locator('h1').innerText(), 'Is this a scam?');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await check(page, SCAM, 'scam en'), 'scam');
    assert.match(await page.getByTestId('verdict').innerText(), /This is a scam/);
    await shot(page, 'check-scam-en', true);
    for (const [path, name] of [['/report', 'report-en'], ['/learn', 'learn-en'], ['/lookup', 'lookup-en'], ['/analyst', 'analyst-login-en']] as const) {
      await page.goto(server.url + path);
      await page.locator('main h1').waitFor();
      assert.deepEqual(await contrastFailures(page), [], `WCAG AA contrast on ${path}`);
      await shot(page, name, true);
    }
    // Logged in, in English (with at least one report in the queue, whatever ran before).
    const res = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'url', value: 'http://etc-refund-en.top', category: 'phishing', description: 'ETC refund link' }),
    });
    assert.equal(res.status, 201);
    await page.locator('#api-key').fill(server.analystKey);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('tab', { name: 'Report queue' }).waitFor();
    await page.selectOption('#f-status', '');
    await page.getByTestId('queue-item').first().waitFor();
    await shot(page, 'analyst-queue-en', true);
    await page.getByTestId('lang-switch').click();
    assert.equal(await page.locator('main h1').innerText(), '分析员工作台');
    assert.equal(await page.getByRole('tab', { name: '举报队列' }).count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.reload();
    assert.equal(await page.locator('main h1').innerText(), '分析员工作台', 'the choice survives a reload');
    // Log out: the key is gone from the tab, the login form is back.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('login-form').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await shot(page, 'analyst-login-zh', true);
    await ctx.close();
  });

  test('keyboard only: skip link, Tab to the box, Ctrl+Enter, Tab onto evidence and Enter shows why', async () => {
    const { ctx, page } = await newPage('zh-CN');
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Enter');
    // From the main landmark, the first field is the check box (its label names it).
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'check-input');
    await page.keyboard.type(SCAM);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('verdict').waitFor();
    // Focus moves to the verdict so screen-reader and keyboard users land on the answer.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'verdict');
    let onMark = false;
    for (let i = 0; i < 30 && !onMark; i++) {
      await page.keyboard.press('Tab');
      onMark = await page.evaluate(() => document.activeElement?.tagName === 'MARK');
    }
    assert.ok(onMark, 'an evidence mark is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.ok((await page.locator('#why-panel li').count()) > 0);
    await ctx.close();
  });

  test('mobile viewport: no sideways scroll, tap on evidence shows why, keyboard submit works', async () => {
    const { ctx, page } = await newPage('zh-CN', true);
    await page.goto(server.url + '/');
    await page.locator('#check-input').focus();
    await page.keyboard.type(SCAM);
    const n = await page.evaluate(() => window.__fanzhaTimings?.length ?? 0);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('verdict').waitFor();
    await page.waitForFunction((k) => (window.__fanzhaTimings?.length ?? 0) > k, n);
    timings.push({ case: 'scam mobile', ...(await page.evaluate(() => window.__fanzhaTimings!.at(-1)!)) });
    assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'scam');
    await page.locator('mark.hl-risk').first().tap();
    assert.ok((await page.locator('#why-panel li').count()) > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
    assert.deepEqual(await contrastFailures(page), [], 'WCAG AA contrast on the phone');
    await shot(page, 'check-scam-mobile-zh', true);
    for (const [path, name] of [['/report', 'report-mobile-zh'], ['/learn', 'learn-mobile-zh']] as const) {
      await page.goto(server.url + path);
      await page.locator('main h1').waitFor();
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, `${path} fits the screen`);
      await shot(page, name);
    }
    await ctx.close();
  });
});
