// The Desks view on a big plan in headless Chromium: how long the desks take to be ready after the
// view opens and after an edit, and the longest frame meanwhile (the recomputation runs in slices).
// Usage: node bench/web_bench_desks.mjs [--runs N] [--accounts N] [--activities N]
import { startServer, launch, newProfileDir, openApp, waitReady, dispatch } from '../tests/e2e/harness.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const RUNS = arg('runs', 3), ACCOUNTS = arg('accounts', 100000), ACTIVITIES = arg('activities', 200000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function untilReady(page) {
  const t0 = Date.now();
  await page.waitForFunction(() => window.footprint.dispatch({ op: 'desks_ready' }).ready, null,
    { timeout: 60000, polling: 10 });
  return Date.now() - t0;
}

const server = await startServer();
const rows = { open: [], openMax: [], edit: [], editMax: [], click: [], clickMax: [], undo: [], undoMax: [],
  status: [], statusMax: [], rule: [], ruleMax: [] };
for (let i = 0; i < RUNS; i++) {
  const s = await launch(newProfileDir('desks-bench'));
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 60000);
    await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: ACTIVITIES, seed: 7 });
    await new Promise((r) => setTimeout(r, 3000)); // let the first save start and settle
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'set_view', view: 'Desks' });
    rows.open.push(await untilReady(page));
    rows.openMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    await new Promise((r) => setTimeout(r, 3000)); // the edit's save is not what is measured
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'set_priority_weights', upsell: 20 + i });
    rows.edit.push(await untilReady(page));
    rows.editMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    // One click on a desk: a renewal opportunity.
    const due = (await dispatch(page, { op: 'desks_state', limit: 200 })).renewals.find((r) => r.deal.state === 'none');
    await new Promise((r) => setTimeout(r, 3000));
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'create_renewal', account_id: due.account_id });
    rows.click.push(await untilReady(page));
    rows.clickMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    // Ctrl+Z takes the new deal away again.
    await new Promise((r) => setTimeout(r, 3000));
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'undo' });
    rows.undo.push(await untilReady(page));
    rows.undoMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    // A client lost: the account moves from the renewal and whitespace desks to the win-back desk.
    await new Promise((r) => setTimeout(r, 3000));
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'edit_account', id: due.account_id, status: 'former' });
    rows.status.push(await untilReady(page));
    rows.statusMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    // An upsell rule switched off in the rule editor: the whitespace and win-back estimates redone.
    await new Promise((r) => setTimeout(r, 3000));
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'toggle_rule', rule_id: 'rule-ethernet-wan' });
    rows.rule.push(await untilReady(page));
    rows.ruleMax.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
  } finally { await s.close(); }
}
await server.close();
const fmt = (xs) => `**${Math.round(median(xs))} ms** (runs: ${xs.map(Math.round).join(', ')})`;
console.log(`| Desks ready after opening the view, ${ACCOUNTS.toLocaleString('en-US')} accounts | ${fmt(rows.open)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.openMax)} |`);
console.log(`| Desks ready after an edit (priority weights) | ${fmt(rows.edit)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.editMax)} |`);
console.log(`| Desks ready after one click (Create renewal) | ${fmt(rows.click)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.clickMax)} |`);
console.log(`| Desks ready after undo (the new deal removed) | ${fmt(rows.undo)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.undoMax)} |`);
console.log(`| Desks ready after a client is marked former | ${fmt(rows.status)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.statusMax)} |`);
console.log(`| Desks ready after an upsell rule is switched off | ${fmt(rows.rule)} |`);
console.log(`| longest frame meanwhile | ${fmt(rows.ruleMax)} |`);
