// Reflow at 320 CSS pixels (WCAG 1.4.10, issue 20 item 6): no page a citizen or a caseworker
// uses scrolls sideways as a whole; a wide table scrolls inside its own labelled region, which
// takes keyboard focus so it can be scrolled without a mouse. Without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

/// How far the page is wider than the window, in CSS pixels (0: it reflows).
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function narrow() {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'da-DK', javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test('a citizen\'s pages reflow at 320 px', async () => {
  const { context, page } = await narrow();
  await signIn(page, server.url, 'borger.aalborg1');
  for (const path of ['/borger', '/borger/samtaler', '/borger/beskeder', '/borger/adgangslog']) {
    await page.goto(`${server.url}${path}`);
    assert.equal(await overflow(page), 0, `${path} scrolls sideways`);
  }
  await page.goto(`${server.url}/borger/samtaler`);
  await page.locator('main a.button-primary').first().click();
  assert.equal(await overflow(page), 0, 'the booking pages reflow');
  await context.close();
});

test('a caseworker\'s lists reflow at 320 px, wide tables scroll in their own region', async () => {
  const { context, page } = await narrow();
  await signIn(page, server.url, 'aalborg.jk1');
  for (const path of ['/medarbejder/arbejdsliste', '/medarbejder', '/medarbejder/indbakke', '/medarbejder/kalender']) {
    await page.goto(`${server.url}${path}`);
    assert.equal(await overflow(page), 0, `${path} scrolls sideways`);
  }
  await page.goto(`${server.url}/medarbejder`);
  const region = page.locator('main .ju-table-scroll').first();
  assert.equal(await region.getAttribute('role'), 'region');
  assert.equal(await region.getAttribute('tabindex'), '0');
  const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
  assert.ok(scrolls, 'the citizen list is wider than a phone and scrolls in its region');
  await expectNoAxeViolations(page, assert);
  await page.locator('main tbody a').first().click();
  assert.equal(await overflow(page), 0, 'a citizen\'s page reflows');
  await context.close();
});

/// Every page reachable by links from where each role lands, up to `max`, same site only;
/// nothing that downloads, signs out or leaves for a video room.
async function crawl(page, start, max) {
  const seen = new Set();
  const queue = [start];
  const wide = [];
  while (queue.length && seen.size < max) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(`${server.url}${path}`);
    if (!response || !response.ok() || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    const over = await overflow(page);
    if (over > 0) wide.push(`${path} (${over} px)`);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      const clean = href.split('#')[0];
      if (!clean || seen.has(clean) || /\.(ics|pdf|csv)(\?|$)|\/video$|\/logud|\/static\//.test(clean)) continue;
      queue.push(clean);
    }
  }
  return { seen: seen.size, wide };
}

for (const login of ['borger.aalborg1', 'aalborg.jk1', 'aalborg.leder', '3f.raadgiver1']) {
  test(`every page ${login} reaches by links reflows at 320 px`, async (t) => {
    const { context, page } = await narrow();
    await signIn(page, server.url, login);
    const start = new URL(page.url()).pathname;
    const { seen, wide } = await crawl(page, start, 60);
    t.diagnostic(`${seen} pages crawled`);
    assert.ok(seen >= 5, `crawled ${seen} pages`);
    assert.deepEqual(wide, [], `${login}: pages that scroll sideways at 320 px`);
    await context.close();
  });
}
