// Production sign-in in the browser: a caseworker signs in through the staff directory and
// registers a citizen; the citizen then signs in with "MitID" — both through the test identity
// provider (`crates/test-idp`), with JavaScript off, as OpenID Connect works with plain redirects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startTestIdp, freePort, launchBrowser, newPage, expectNoAxeViolations } from './harness.mjs';

let server;
let idp;
let browser;

before(async () => {
  const port = await freePort();
  const app = `http://127.0.0.1:${port}`;
  idp = await startTestIdp([
    `ju-mitid:e2e-secret:${app}/logind/mitid/svar`,
    `ju-staff:e2e-secret:${app}/logind/medarbejder/svar`,
  ]);
  const env = {};
  for (const [who, id] of [['CITIZEN', 'ju-mitid'], ['STAFF', 'ju-staff']]) {
    env[`JOBUNIVERS_${who}_OIDC_ISSUER`] = idp.url;
    env[`JOBUNIVERS_${who}_OIDC_CLIENT_ID`] = id;
    env[`JOBUNIVERS_${who}_OIDC_CLIENT_SECRET`] = 'e2e-secret';
  }
  server = await startServer({ port, env });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
});

/// From the sign-in page through the provider's login page and back.
async function signInAtProvider(page, button, user) {
  await page.goto(`${server.url}/logind`);
  await page.click(`a:has-text("${button}")`);
  assert.ok(page.url().startsWith(idp.url), `at the provider: ${page.url()}`);
  await page.fill('#user', user);
  await page.click('button:has-text("Log ind")');
  await page.waitForLoadState('load');
}

test('staff sign in through their directory, citizens with MitID, found by CPR number', async () => {
  const staff = await newPage(browser);
  await staff.goto(`${server.url}/logind`);
  assert.equal(await staff.locator('a:has-text("Log ind med MitID")').count(), 1);
  await expectNoAxeViolations(staff, assert);

  await signInAtProvider(staff, 'Log ind som medarbejder', 'aalborg.jk1');
  // A caseworker lands on the worklist with the inbox count (issue 20).
  assert.match(staff.url(), /\/medarbejder\/arbejdsliste$/);
  assert.equal(await staff.locator('[data-testid="inbox-count"]').count(), 1);

  // The jobcenter registers the citizen; only then can they sign in.
  const cpr = '240689-1357';
  await staff.goto(`${server.url}/borgere/ny`);
  await staff.fill('#cpr', cpr);
  await staff.fill('#name', 'Mette Testesen');
  await staff.selectOption('#municipality', '0851');
  await staff.selectOption('#target_group', 'education_benefit');
  await staff.fill('#unemployed_since', '2026-10-05');
  await staff.click('button:has-text("Opret")');
  assert.match(staff.url(), /\/medarbejder\/borgere\//);

  const stranger = await newPage(browser);
  await signInAtProvider(stranger, 'Log ind med MitID', '0101700000');
  assert.match(await stranger.locator('[role="alert"]').textContent(), /Vi kan ikke finde dig i Jobunivers/);
  await expectNoAxeViolations(stranger, assert);

  const citizen = await newPage(browser);
  await signInAtProvider(citizen, 'Log ind med MitID', cpr.replace('-', ''));
  assert.match(citizen.url(), /\/borger$/);
  assert.match(await citizen.locator('main').textContent(), /Mette Testesen/);

  // Cancelling at the provider brings the person back with a word on what happened.
  const cancels = await newPage(browser);
  await cancels.goto(`${server.url}/logind`);
  await cancels.click('a:has-text("Log ind med MitID")');
  await cancels.click('button:has-text("Afbryd")');
  assert.match(await cancels.locator('[role="alert"]').textContent(), /Du afbrød log ind/);
});
