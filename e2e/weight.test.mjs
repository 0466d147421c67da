// What a first visit costs on a phone (issue 20 item 7): the citizen's home page with an empty
// cache, counted as the bytes that crossed the network (compressed), and on a second visit the
// fingerprinted files come from the cache without asking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

/// Loads `path` and sums what came over the network, per response (Chromium's own count of
/// encoded bytes, headers included).
async function transferred(page, cdp, path) {
  const sizes = new Map();
  const urls = new Map();
  const onResponse = (e) => urls.set(e.requestId, e.response.url);
  const onFinished = (e) => sizes.set(e.requestId, e.encodedDataLength);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300));
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  const rows = [...sizes].map(([id, bytes]) => ({ url: urls.get(id) ?? id, bytes }));
  return { total: rows.reduce((n, r) => n + r.bytes, 0), rows };
}

test('the citizen home page weighs under 150 KB on a first visit, and far less on the next', async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await signIn(page, server.url, 'borger.aalborg1');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A first visit: nothing cached from signing in.
  await cdp.send('Network.clearBrowserCache');
  const first = await transferred(page, cdp, '/borger');
  const detail = first.rows.map((r) => `${r.bytes}\t${r.url}`).join('\n');
  console.log(`first visit of /borger: ${first.total} bytes\n${detail}`);
  assert.ok(first.total < 150 * 1024, `first visit ${first.total} bytes:\n${detail}`);
  assert.ok(first.rows.some((r) => r.url.includes('dkfds-borgerdk.min.css')), 'the borger.dk theme');

  // The next visit asks only for the page: styles and fonts stay in the cache.
  const again = await transferred(page, cdp, '/borger');
  const fetched = again.rows.filter((r) => r.url.includes('/static/') && r.bytes > 0);
  assert.deepEqual(fetched, [], 'nothing static fetched again');
  await context.close();
});
