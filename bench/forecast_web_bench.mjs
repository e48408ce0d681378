// Pipeline and forecast in the page with a big plan (100,000 accounts, 25,000 opportunities): the
// longest frame after an edit (a deal moved to another stage, as a drop does) in each view, and
// after a what-if pick. Prints markdown rows for bench/RESULTS.md.
// Usage: node bench/forecast_web_bench.mjs [--runs N] [--accounts N]
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, dispatch, settle }
  from '../tests/e2e/harness.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const RUNS = arg('runs', 5), ACCOUNTS = arg('accounts', 100000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const frameStats = (page) => page.evaluate(() => window.footprint.frameStats());
const reset = (page) => page.evaluate(() => window.footprint.resetFrameStats());

const server = await startServer();
const s = await launch(newProfileDir('forecast-bench'));
try {
  const { page } = await openApp(s, server.url);
  await waitReady(page, 60000);
  await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: 0, seed: 7 });
  await waitSaved(page, 180000);
  const { deals: open, total } = await dispatch(page, { op: 'open_deals', limit: 200 });
  console.log(`plan: ${ACCOUNTS} accounts, ${total} opportunities\n`);
  console.log('| view | longest frame after the edit, median of ' + RUNS + ' | runs (ms) |\n|---|---|---|');

  const views = [
    ['Pipeline board', { op: 'set_view', view: 'Pipeline' }, { op: 'set_pipeline', mode: 'board' }],
    ['Pipeline table', { op: 'set_view', view: 'Pipeline' }, { op: 'set_pipeline', mode: 'table', filter: 0 }],
    ['Forecast, month view', { op: 'set_view', view: 'Forecast' }, { op: 'set_forecast', tab: 'overview', granularity: 0 }],
    ['Forecast, commission', { op: 'set_view', view: 'Forecast' }, { op: 'set_forecast', tab: 'commission' }],
    ['Forecast, what-if', { op: 'set_view', view: 'Forecast' }, { op: 'set_forecast', tab: 'what-if', what_if_scope: 0 }],
  ];
  let k = 0;
  for (const [name, ...ops] of views) {
    for (const op of ops) await dispatch(page, op);
    await settle(page, 5);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const d = open[k++ % open.length];
      const to = d.stage === 'Negotiation/Review' ? 'Proposal/Price Quote' : 'Negotiation/Review';
      await waitSaved(page, 60000);
      await settle(page, 3);
      await reset(page);
      await dispatch(page, { op: 'move_deal', id: d.id, stage: to });
      await settle(page, 4);
      runs.push((await frameStats(page)).max_ms);
    }
    console.log(`| ${name} | **${Math.round(median(runs))} ms** | ${runs.map(Math.round).join(', ')} |`);
  }
  // A what-if pick recomputes the forecast and commission with the picked deal replaced.
  const picks = [];
  for (let i = 0; i < RUNS; i++) {
    await settle(page, 3);
    await reset(page);
    await dispatch(page, { op: 'what_if', id: open[k++ % open.length].id, action: 'win' });
    await settle(page, 4);
    picks.push((await frameStats(page)).max_ms);
  }
  console.log(`| what-if: one more pick | **${Math.round(median(picks))} ms** | ${picks.map(Math.round).join(', ')} |`);
} finally { await s.close(); await server.close(); }
