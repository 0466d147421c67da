// Surveys for everyone (issue 19 item 5): a citizen without digital mail gets the survey on
// paper with a code; the code opens it without signing in; staff type in answers the citizen
// gave on the phone. Without JavaScript, axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, expectNoAxeViolations, api as harnessApi, serverNow, setClock, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

async function answerAll(page) {
  await page.check('#satisfaction-4');
  await page.check('#channel_fit-4');
  await page.check('#personal-same');
  await page.check('#helpful-5');
  await page.check('#more_remote-2');
  await page.check('#callback-no');
}

test('a paper survey is answered by its code without signing in, and a phone answer is typed in by staff', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'kbh.jk2' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '1111861234', name: 'Poul Papir', municipality: '0101', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const paper = await api(`/api/v1/citizens/${made.json.id}`, { token, method: 'PATCH', body: { digital_mail: false, postal_address: { street: 'Nørregade 7', postcode: '1165', town: 'København K' } } });
  assert.equal(paper.status, 200, JSON.stringify(paper.json));
  // Two meetings in person an hour and two from the server's now, both held.
  const now = (await serverNow(server.url)).getTime();
  const meetings = [];
  for (const hours of [1, 2]) {
    const start = new Date(Math.ceil((now + hours * 3600_000) / 60000) * 60000);
    const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcenter København' } });
    assert.equal(slot.status, 201, JSON.stringify(slot.json));
    const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'in_person' } });
    assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
    meetings.push({ id: meeting.json.id, start });
  }
  await setClock(server.url, new Date(meetings[1].start.getTime() + 60_000));
  for (const m of meetings) {
    const held = await api(`/api/v1/meetings/${m.id}/outcome`, { token, body: { status: 'held' } });
    assert.equal(held.status, 200, JSON.stringify(held.json));
  }

  // The survey letters wait on "Breve"; the first one's code is read back from its PDF.
  const staffContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const staff = await staffContext.newPage();
  await signIn(staff, server.url, 'kbh.jk2');
  const row = staff.locator('#waiting tbody tr', { hasText: 'Poul Papir' }).filter({ hasText: 'Hvordan gik din samtale?' });
  for (let i = 0; i < 40 && (await row.count()) < 2; i++) {
    await new Promise((r) => setTimeout(r, 500));
    await staff.goto(`${server.url}/medarbejder/breve`);
  }
  assert.equal(await row.count(), 2, 'a survey letter per held meeting');
  const pdf = await staff.request.get(`${server.url}${await row.first().locator('a[href$="brev.pdf"]').getAttribute('href')}`);
  const file = join(mkdtempSync(join(tmpdir(), 'ju-survey-')), 'brev.pdf');
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  const code = text.match(/skriv koden ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/);
  assert.ok(code, text);
  assert.match(text, /\/spoergeskema/);
  assert.match(text, /ringe til os på \d\d \d\d \d\d \d\d/);

  // Without signing in, on a phone: a wrong code is said at the field, the right one opens it.
  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await anonymous.newPage();
  await page.goto(`${server.url}/spoergeskema`);
  assert.equal(await page.locator('h1').textContent(), 'Svar på spørgeskema');
  await expectNoAxeViolations(page, assert);
  await page.fill('#kode', 'ZZZZ-ZZZZ');
  await page.click('button:has-text("Åbn spørgeskemaet")');
  assert.match(await page.title(), /^Fejl: /);
  assert.match(await page.locator('#kode-error').textContent(), /Vi kan ikke finde et spørgeskema med den kode/);
  assert.equal(await page.locator('#kode').getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, assert);
  await page.fill('#kode', code[1].toLowerCase());
  await page.click('button:has-text("Åbn spørgeskemaet")');
  assert.equal(await page.locator('h1').textContent(), 'Hvordan gik din samtale?');
  await answerAll(page);
  await page.click('button:has-text("Send svar")');
  assert.match(await page.locator('main').textContent(), /Tak for dit svar/);
  await expectNoAxeViolations(page, assert);
  await anonymous.close();

  // Staff see that one is answered on paper, and type in the other from a phone call.
  await staff.goto(`${server.url}/medarbejder/borgere/${made.json.id}`);
  const surveys = staff.locator('[data-testid="surveys"]');
  assert.match(await surveys.textContent(), /Besvaret: på papir/);
  await surveys.locator('a:has-text("Skriv svar ind")').click();
  await answerAll(staff);
  await staff.click('button:has-text("Send svar")');
  assert.match(await staff.locator('#way-error').textContent(), /Vælg en af mulighederne/);
  assert.ok(await staff.isChecked('#satisfaction-4'), 'kept');
  await expectNoAxeViolations(staff, assert);
  await staff.check('#way-phone');
  await staff.click('button:has-text("Send svar")');
  assert.match(await staff.locator('[data-testid="surveys"]').textContent(), /Besvaret: i telefonen/);
  assert.equal(await staff.locator('[data-testid="surveys"] a').count(), 0, 'nothing left to type in');
  await expectNoAxeViolations(staff, assert);
  await staffContext.close();
});
