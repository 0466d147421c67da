// Screenshots of the booking flow on a phone (390×844, JavaScript off), for docs/screenshots/:
// what a citizen sees from the home page to the receipt, then "Mine oplysninger" and the paper
// survey's code page. Not a test; run it after a change to these pages and commit the pictures:
//
//   cargo build -p jobunivers && node scripts/screenshots.mjs
//
// It starts its own demo server (the harness's, with its fixed clock) and books as
// `borger.aalborg3`, whose next conversation is with the jobcentre.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, signIn } from '../e2e/harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  await signIn(page, server.url, 'borger.aalborg3');
  await page.goto(`${server.url}/borger/samtaler`);
  await page.locator('main a.button-primary').first().click();
  if (await page.locator('a:has-text("Jobcentret")').count()) {
    await shot('booking-0-with-whom');
    await page.click('a:has-text("Jobcentret")');
  }
  await shot('booking-1-day');
  await page.locator('main ul.ju-choices a').first().click();
  await shot('booking-2-time');
  await page.click('button:has-text("Fortsæt")');
  await shot('booking-2-time-error');
  await page.check('#tid-1');
  await page.click('button:has-text("Fortsæt")');
  await shot('booking-3-how');
  await page.locator('input[name="channel"]:not([disabled])').first().check();
  await page.click('button:has-text("Book samtalen")');
  await shot('booking-4-receipt');
  await page.click('nav >> text=Mine oplysninger');
  await page.fill('#postcode', '90000');
  await page.click('button:has-text("Gem oplysningerne")');
  await shot('details-error');
  await context.close();
  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const code = await anonymous.newPage();
  await code.goto(`${server.url}/spoergeskema`);
  await code.screenshot({ path: join(out, 'survey-code.png'), fullPage: true });
  await anonymous.close();
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
