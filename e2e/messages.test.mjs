// Messages in the browser. Without JavaScript: the citizen writes to the jobcenter (a blank
// message is refused beside the field, markup is shown as text), the caseworker finds it in the
// inbox, takes it and answers. With JavaScript: both have the thread open and the answer and the
// read receipt arrive live, without a reload. Every page checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('citizen and caseworker write to each other without JavaScript', async () => {
  const citizen = await newPage(browser);
  await signIn(citizen, server.url, 'borger.aalborg2');
  await citizen.click('a:has-text("Skriv til jobcentret")');
  assert.equal(await citizen.locator('h1').textContent(), 'Beskeder med jobcentret');
  await expectNoAxeViolations(citizen, assert);

  // A blank message is refused beside the field; nothing is sent.
  await citizen.fill('#body', '   ');
  await citizen.click('button:has-text("Send besked")');
  assert.match(await citizen.locator('#body-error').textContent(), /Skriv din besked, før du sender den/);
  assert.equal(await citizen.locator('#body').getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(citizen, assert);

  const text = 'Hej <b>jobcenter</b>\nKan min samtale flyttes?';
  await citizen.fill('#body', text);
  await citizen.click('button:has-text("Send besked")');
  const shown = citizen.locator('.ju-msg-body').last();
  assert.equal(await shown.textContent(), text, 'kept as written and shown as text');
  assert.equal(await citizen.locator('.ju-msg-body b').count(), 0, 'never as markup');
  const name = (await citizen.locator('nav strong').textContent()).trim();

  // The caseworker's inbox has it; they take it and answer.
  const worker = await newPage(browser);
  await signIn(worker, server.url, 'aalborg.jk1');
  await worker.click('nav >> text=Indbakke');
  const row = worker.locator('tbody tr', { hasText: name });
  assert.equal(await row.count(), 1, `${name} waits in the inbox`);
  await expectNoAxeViolations(worker, assert);
  await row.locator('button:has-text("Tildel til mig")').click();
  const me = (await worker.locator('nav strong').textContent()).trim();
  const taken = worker.locator('tbody tr', { hasText: name });
  assert.match(await taken.textContent(), new RegExp(me), 'assigned to the caseworker');
  assert.equal(await taken.locator('button').count(), 0, 'nothing left to take');
  await worker.locator('tbody tr', { hasText: name }).locator('a').click();
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /venter på svar fra os/);
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /Tildelt/);
  assert.equal(await worker.locator('.ju-msg-body').last().textContent(), text);
  await expectNoAxeViolations(worker, assert);
  await worker.fill('#body', 'Ja, det kan vi godt. Jeg ringer i morgen.');
  await worker.click('button:has-text("Send besked")');
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /Vi har svaret/);

  // The citizen sees the answer (and that it is new on the home page).
  await citizen.goto(`${server.url}/borger`);
  assert.match(await citizen.locator('[data-testid="unread"]').textContent(), /1 nye beskeder/);
  await citizen.click('a:has-text("Skriv til jobcentret")');
  assert.equal(await citizen.locator('.ju-msg-body').last().textContent(), 'Ja, det kan vi godt. Jeg ringer i morgen.');
  // Looking changes nothing; without JavaScript the citizen marks it read (a POST).
  await citizen.goto(`${server.url}/borger`);
  assert.match(await citizen.locator('[data-testid="unread"]').textContent(), /1 nye beskeder/);
  await citizen.click('a:has-text("Skriv til jobcentret")');
  await expectNoAxeViolations(citizen, assert);
  await citizen.click('button:has-text("Markér som læst")');
  assert.equal(await citizen.locator('#mark-read').count(), 0);
  await citizen.goto(`${server.url}/borger`);
  assert.equal(await citizen.locator('[data-testid="unread"]').count(), 0, 'read now');

  // The jobcenter's reading shows in the citizen's access log.
  await citizen.goto(`${server.url}/borger/adgangslog`);
  assert.match(await citizen.locator('main').textContent(), /Så dine beskeder/);
});

test('with JavaScript the answer and the read receipt arrive live', async () => {
  const citizen = await newPage(browser, { javaScript: true });
  await signIn(citizen, server.url, 'borger.aalborg3');
  await citizen.goto(`${server.url}/borger/beskeder`);
  const name = (await citizen.locator('nav strong').textContent()).trim();
  await citizen.waitForSelector('#thread[data-connected="true"]', { state: 'attached' });
  await citizen.fill('#body', 'Er der nogen?');
  await citizen.click('button:has-text("Send besked")');
  // Sent without leaving the page: it comes back over the socket and the field is emptied.
  await citizen.waitForSelector('.ju-msg-body:has-text("Er der nogen?")');
  assert.equal(await citizen.inputValue('#body'), '');

  const worker = await newPage(browser, { javaScript: true });
  await signIn(worker, server.url, 'aalborg.jk1');
  await worker.goto(`${server.url}/medarbejder/indbakke`);
  await worker.locator('tbody tr', { hasText: name }).locator('a').click();
  await worker.waitForSelector('#thread[data-connected="true"]', { state: 'attached' });
  // The caseworker opened the thread: the citizen's message shows as read, live.
  await citizen.waitForSelector('.ju-msg--mine .ju-read:not([hidden])', { timeout: 5000 });

  // Live pages keep their state true (issue 20 item 4). A blank answer is refused the plain
  // way, beside the field; the answer that follows goes over the socket, and the refusal's
  // summary, red field, message and "Fejl:" in the title go with it.
  await worker.fill('#body', '   ');
  await worker.click('button:has-text("Send besked")');
  // The script posts, sees the refusal and posts the form the plain way: wait for that page.
  await worker.waitForSelector('#body-error');
  assert.equal(await worker.locator('#body').getAttribute('aria-invalid'), 'true');
  assert.match(await worker.title(), /^Fejl: /);
  await worker.waitForSelector('#thread[data-connected="true"]', { state: 'attached' });
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /venter på svar fra os/);
  await worker.fill('#body', 'Ja! Hvad kan jeg hjælpe med?');
  await worker.click('button:has-text("Send besked")');
  await worker.waitForSelector('.ju-msg-body:has-text("Hvad kan jeg hjælpe med?")', { timeout: 5000 });
  // The post's answer and the socket's message arrive in either order; the field is emptied
  // when the post is answered, and the refusal cleared with it.
  await worker.waitForFunction(() => document.querySelector('#body').value === '', null, { timeout: 5000 });
  assert.equal(await worker.locator('#body').getAttribute('aria-invalid'), null);
  assert.equal(await worker.locator('#body').getAttribute('aria-describedby'), 'body-hint');
  assert.equal(await worker.locator('#body-error').count(), 0);
  assert.equal(await worker.locator('.alert-error').count(), 0);
  assert.doesNotMatch(await worker.title(), /Fejl/);
  // Whom the thread waits for follows the last message, without a reload.
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /^Vi har svaret; sidste svar \d+\. \S+ \d{4} kl\. \d\d:\d\d\./);
  await citizen.waitForSelector('.ju-msg-body:has-text("Hvad kan jeg hjælpe med?")', { timeout: 5000 });
  // The citizen's window showed it and said so: the caseworker sees "Læst" without a reload.
  await worker.waitForSelector('.ju-msg--mine .ju-read:not([hidden])', { timeout: 5000 });
  assert.equal(await worker.locator('.ju-msg').count(), 2);
  await citizen.fill('#body', 'Jeg vil gerne flytte min samtale.');
  await citizen.click('button:has-text("Send besked")');
  await worker.waitForSelector('.ju-msg-body:has-text("Jeg vil gerne flytte min samtale.")', { timeout: 5000 });
  assert.match(await worker.locator('[data-testid="thread-status"]').textContent(), /^Borgeren venter på svar fra os siden \d+\. \S+ \d{4} kl\. \d\d:\d\d\./);
});
