// A citizen reads Jobunivers in Ukrainian, the third language (crates/catalogue): the pages a
// citizen uses are translated in full and pass axe; staff are offered Danish and English only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('a citizen switches to Ukrainian and every page of theirs speaks it', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.kbh2');
  const switches = await page.locator('.ju-lang a').allTextContents();
  assert.deepEqual(switches, ['English', 'Українська']);
  await page.click('a[hreflang="uk"]');
  assert.match(page.url(), /\/borger$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'uk');
  assert.equal(await page.locator('h1').textContent(), 'Ваші дані');
  assert.equal(await page.locator('.skipnav').textContent(), 'Перейти до змісту');
  await expectNoAxeViolations(page, assert);

  for (const [path, heading] of [
    ['/borger/samtaler', 'Мої зустрічі'],
    ['/borger/beskeder', 'Повідомлення з джобцентром'],
    ['/borger/adgangslog', 'Хто переглядав ваші дані'],
  ]) {
    await page.goto(`${server.url}${path}`);
    assert.equal((await page.locator('h1').textContent()).trim(), heading, path);
    // No Danish navigation left on a translated page.
    const nav = await page.locator('.ju-nav').textContent();
    assert.doesNotMatch(nav, /Forside|Mine samtaler|Log ud/, path);
    await expectNoAxeViolations(page, assert);
  }

  // And back to Danish, in the citizen's own word for it.
  await page.click('a[hreflang="da"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
});

test('staff are offered Danish and English only, and read English if Ukrainian was chosen', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/sprog?til=uk&tilbage=/logind`);
  await signIn(page, server.url, 'aalborg.jk1');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const switches = await page.locator('.ju-lang a').allTextContents();
  assert.deepEqual(switches, ['Dansk']);
  await expectNoAxeViolations(page, assert);
});
