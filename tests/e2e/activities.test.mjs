// The activity log, reports and proposals through the page: L opens the log popup for the selected
// account, typing and Enter log a call (one undo step) that the week's report then counts; a
// proposal built from the catalog downloads as escaped HTML and "Mark as sent" records a proposal
// activity and a deal in one step. Screenshots: tests/e2e/artifacts/activities-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  screenshot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const plan = (page) => page.evaluate(() => window.footprint.plan());
const report = async (page) => (await dispatch(page, { op: 'report' })).activity;

async function downloadOf(page, op) {
  const [download] = await Promise.all([page.waitForEvent('download'), dispatch(page, op)]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

test('L logs a call for the selected account and the week report counts it', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    await page.click('#canvas', { position: { x: 1000, y: 890 } }); // the status bar: focus only
    await page.keyboard.press('Control+2');
    await settle(page);
    const p0 = await plan(page);
    const account = p0.accounts.find((a) => a.status === 'client');
    await dispatch(page, { op: 'select', ids: [account.id] });
    await dispatch(page, { op: 'reports_view', kind: 'week', offset: 0, tab: 0 });
    const before = await report(page);
    const depth0 = (await state(page)).undo_depth;

    await page.keyboard.press('l');
    await settle(page, 3);
    let log = await dispatch(page, { op: 'log_state' });
    assert.equal(log.open, true, 'L opens the log popup');
    // The open account page's account, else the one selected.
    assert.ok(log.account_id === account.id || log.account_id === log.focused_account,
      `logging for ${log.account_id}`);
    assert.equal(log.type, 'call');
    assert.match(log.subject, /^Call with /);
    await page.keyboard.type('Met the IT director, wants 1 Gbps');
    await settle(page, 3);
    await screenshot(page, 'activities-log-popup');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.footprint.plan().activities.length === n + 1,
      p0.activities.length, { timeout: 5000 });
    log = await dispatch(page, { op: 'log_state' });
    assert.equal(log.open, false, 'Enter logs and closes the popup');
    const mine = (await dispatch(page, { op: 'activities', account_id: log.account_id })).activities
      .find((a) => a.id === log.last_logged);
    assert.equal(mine.type, 'call');
    assert.equal(mine.outcome, 'Met the IT director, wants 1 Gbps');
    assert.equal((await state(page)).undo_depth, depth0 + 1, 'one command, one undo step');

    const after = await report(page);
    assert.equal(after.activities.call.count, before.activities.call.count + 1);
    assert.equal(after.total, before.total + 1);

    // The Reports view draws it; the Tasks tab; the print page is self-contained.
    await page.keyboard.press('Control+7');
    await settle(page, 4);
    assert.equal((await state(page)).view, 'Reports');
    await screenshot(page, 'activities-reports');
    const html = await downloadOf(page, { op: 'reports_download_html' });
    assert.match(html.name, /^sales-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.html$/);
    const text = html.bytes.toString('utf8');
    assert.ok(!/<script/i.test(text) && !/https?:/.test(text), 'no scripts, no external requests');
    const csv = await downloadOf(page, { op: 'reports_download_csv' });
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a BOM');
    assert.ok(csv.bytes.toString('utf8').includes('\r\n'), 'CRLF line ends');
    await dispatch(page, { op: 'reports_view', tab: 3 });
    await settle(page, 3);
    await screenshot(page, 'activities-tasks');
    await dispatch(page, { op: 'reports_view', kind: 'month', tab: 1 });
    await settle(page, 3);
    await screenshot(page, 'activities-renewals');

    // Undo takes the visit away and the report follows.
    await page.keyboard.press('Control+z');
    await settle(page, 3);
    await dispatch(page, { op: 'reports_view', kind: 'week', tab: 0 });
    assert.equal((await report(page)).total, before.total);
    assert.deepEqual(problems, { console: [], requests: [] });
  } finally {
    await s.close();
  }
});

test('a proposal downloads escaped and Mark as sent is one step: activity and deal', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    const p0 = await plan(page);
    const account = p0.accounts.find((a) => a.status === 'client' && a.services.length > 0);
    const hostile = '<script>alert(1)</script> "Q" & Co';
    await dispatch(page, { op: 'open_proposal', account_id: account.id });
    const products = p0.catalog.slice(0, 2).map((p) => p.id);
    let r = await dispatch(page, { op: 'proposal_edit', add: products, term: 60,
      title: hostile, note: hostile, contact: hostile, discount: ['10', ''], otc: ['', '250'],
      replaces: [account.services[0].id] });
    assert.equal(r.lines, 2);
    assert.ok(r.new_mrc > 0);
    assert.equal(r.current_mrc, account.services.reduce((t, x) => t + x.mrc, 0));
    await settle(page, 4);
    await screenshot(page, 'activities-proposal');

    const file = await downloadOf(page, { op: 'proposal_download' });
    assert.match(file.name, /^Proposal - .+ - \d{4}-\d{2}-\d{2}\.html$/);
    const html = file.bytes.toString('utf8');
    assert.ok(!html.includes('<script>'), 'the hostile title prints as text');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; &amp; Co'));

    const depth0 = (await state(page)).undo_depth;
    const sent = await dispatch(page, { op: 'proposal_send' });
    assert.equal(sent.ok, true, JSON.stringify(sent.problems));
    const p1 = await plan(page);
    const act = p1.activities.find((a) => a.id === sent.activity_id);
    const deal = p1.opportunities.find((o) => o.id === sent.opportunity_id);
    assert.equal(act.type, 'proposal');
    assert.equal(act.opportunity_id, deal.id);
    assert.equal(deal.mrc, r.new_mrc);
    assert.equal(deal.term_months, 60);
    assert.equal((await state(page)).undo_depth, depth0 + 1, 'activity and deal: one undo step');
    await page.click('#canvas', { position: { x: 1000, y: 890 } });
    await page.keyboard.press('Control+z');
    await settle(page, 3);
    const p2 = await plan(page);
    assert.equal(p2.activities.length, p0.activities.length);
    assert.equal(p2.opportunities.length, p0.opportunities.length);
    assert.deepEqual(problems, { console: [], requests: [] });
  } finally {
    await s.close();
  }
});
