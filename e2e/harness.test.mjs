// The accessibility check itself must be able to fail: a page with a known violation is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, expectNoAxeViolations, startServer } from './harness.mjs';

test('the axe check reports an image without alternative text', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.goto(`${server.url}/logind`);
    await page.setContent('<!DOCTYPE html><html lang="da"><head><title>x</title></head><body><main><img src="/x.png"></main></body></html>');
    await assert.rejects(expectNoAxeViolations(page, assert), /image-alt/);
  } finally {
    await browser.close();
    await server.stop();
  }
});
