// Pipeline and forecast in the real page: a deal dragged on the board with real mouse events moves
// to another stage and the forecast chart and numbers follow (and Ctrl+Z brings it back); slipped
// deals move in one click; a what-if changes nothing until applied; a month without a quota says
// so. Screenshots in light and dark at devicePixelRatio 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  screenshot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const ok = async (page, cmd) => {
  const r = await dispatch(page, cmd);
  assert.equal(r.ok, true, `${cmd.op}: ${JSON.stringify(r)}`);
  return r;
};
const deal = async (page, id) => (await ok(page, { op: 'deal', id })).deal;
const forecast = (page) => ok(page, { op: 'forecast_state' });
const ymOf = (iso) => iso.slice(0, 7);
const centre = (r) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });

// The month period of the forecast (month view, this year) that holds `ym`.
function monthRow(fs, ym) {
  return fs.periods.find((p) => p.month === ym);
}

test('dragging a card to another stage moves the deal, and the forecast follows', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    await ok(page, { op: 'set_view', view: 'Pipeline' });
    await settle(page);
    const today = new Date();
    const thisYear = String(today.getFullYear());
    const todayIso = today.toISOString().slice(0, 10);

    // A visible card in "Id. Decision Makers" (Pipeline, 60%) closing later this year.
    const layout = await ok(page, { op: 'pipeline_layout' });
    const from = layout.columns.find((c) => c.stage === 'Id. Decision Makers');
    const to = layout.columns.find((c) => c.stage === 'Perception Analysis');
    assert.ok(from && to, 'both columns are on the board');
    assert.ok(to.rect.x1 <= 1440, 'the target column is on screen');
    let card = null;
    for (const c of layout.cards) {
      if (c.rect.x0 < from.rect.x0 || c.rect.x1 > from.rect.x1 || c.rect.y1 > from.rect.y1) continue;
      const d = await deal(page, c.id);
      if (d.stage === 'Id. Decision Makers' && d.close_date.startsWith(thisYear) &&
          d.close_date >= todayIso) { card = { ...c, deal: d }; break; }
    }
    if (!card) { // the sample plan is dated from today: late in December, use any visible card
      const c = layout.cards.find((k) => k.rect.x0 >= from.rect.x0 && k.rect.x1 <= from.rect.x1);
      card = { ...c, deal: await deal(page, c.id) };
    }
    assert.equal(card.deal.probability, 60);
    assert.equal(card.deal.category, 'pipeline');
    const month = ymOf(card.deal.close_date);
    await ok(page, { op: 'set_forecast', tab: 'overview', granularity: 0,
      year_offset: Number(month.slice(0, 4)) - today.getFullYear(), selected: -1 });
    const before = monthRow(await forecast(page), month);
    await screenshot(page, 'forecast-drag-1-board-light');

    // Drag with the mouse: press on the card, move past the drag threshold, cross to the column.
    const start = centre(card.rect);
    const target = { x: centre(to.rect).x, y: to.rect.y0 + 120 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(start.x + ((target.x - start.x) * i) / 12, start.y + ((target.y - start.y) * i) / 12);
      await new Promise((r) => setTimeout(r, 30));
    }
    await settle(page, 3);
    await screenshot(page, 'forecast-drag-2-carrying-light');
    await page.mouse.up();
    await settle(page);

    const moved = await deal(page, card.id);
    assert.equal(moved.stage, 'Perception Analysis');
    assert.equal(moved.probability, 70, 'the probability follows the new stage');
    assert.equal(moved.category, 'best_case', 'so does the forecast category');
    assert.equal(moved.close_date, card.deal.close_date, 'an open stage keeps the close date');
    const st = await state(page);
    assert.match(st.notices.at(-1).title, /^Moved .* to Perception Analysis$/);
    await screenshot(page, 'forecast-drag-3-moved-light');

    // The forecast: the deal's MRC left Pipeline for Best Case in its month.
    const after = monthRow(await forecast(page), month);
    assert.equal(after.pipeline, before.pipeline - moved.mrc);
    assert.equal(after.best_case, before.best_case + moved.mrc);
    assert.equal(after.best_case_forecast, before.best_case_forecast + moved.mrc);
    assert.equal(after.closed_won, before.closed_won);

    // ... and the chart: the month's stacked bar is drawn to the new total (best case counts in
    // full, the weighted pipeline only at 60%), on the chart's own money axis.
    const drawn = (fs, month) => {
      const label = fs.periods.find((p) => p.month === month).label;
      const bar = fs.bars.find((b) => b.label === label).rect;
      return ((fs.axis.zero - bar.y0) / (fs.axis.zero - fs.axis.top)) * fs.axis.max_dollars;
    };
    const stack = (row) => (row.closed_won + row.commit + row.best_case + row.pipeline_weighted) / 100;
    await ok(page, { op: 'set_view', view: 'Forecast' });
    await settle(page);
    const fsAfter = await forecast(page);
    const tolerance = fsAfter.axis.max_dollars * 0.01;
    assert.ok(Math.abs(drawn(fsAfter, month) - stack(after)) < tolerance,
      `the bar shows $${drawn(fsAfter, month).toFixed(0)}, the numbers $${stack(after).toFixed(0)}`);
    await screenshot(page, 'forecast-drag-4-chart-after-light');
    await page.click('#canvas', { position: { x: 40, y: 80 } }); // the page header: no widget
    await page.keyboard.press('Control+z');
    await settle(page);
    const undone = await deal(page, card.id);
    assert.equal(undone.stage, 'Id. Decision Makers');
    assert.equal(undone.probability, 60);
    assert.equal(undone.category, 'pipeline');
    assert.deepEqual(monthRow(await forecast(page), month), before);
    const fsBefore = await forecast(page);
    assert.ok(Math.abs(drawn(fsBefore, month) - stack(before)) < tolerance);
    assert.ok(stack(after) - stack(before) > moved.mrc * 0.39 / 100,
      'the stack grew by the 40% of MRC the weighting had left out');
    await screenshot(page, 'forecast-drag-5-chart-undone-light');
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('slipped deals move to the end of the month in one step; undo puts them back', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await ok(page, { op: 'set_view', view: 'Pipeline' });
    await ok(page, { op: 'set_pipeline', mode: 'table', filter: 1 });
    await settle(page);
    await screenshot(page, 'forecast-slipped-table-light');
    const layout = await ok(page, { op: 'pipeline_layout' });
    assert.equal(layout.cards.length, 0, 'the table is showing, not the board');
    // Every slipped deal through the same action as the strip's button.
    const plan = await page.evaluate(() => window.footprint.plan());
    const closed = new Set(plan.stages.filter((x) => x.closed).map((x) => x.name));
    const todayIso = new Date().toISOString().slice(0, 10);
    const slipped = plan.opportunities.filter((o) => !closed.has(o.stage) && o.close_date && o.close_date < todayIso);
    assert.ok(slipped.length > 0, 'the sample plan has slipped deals');
    const end = new Date(); end.setMonth(end.getMonth() + 1, 0);
    const endIso = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
    const depth = (await state(page)).undo_depth;
    const r = await ok(page, { op: 'move_close_dates', ids: slipped.map((o) => o.id), date: endIso });
    assert.equal(r.changed, slipped.length);
    assert.equal((await state(page)).undo_depth, depth + 1, 'one command');
    for (const o of slipped) assert.equal((await deal(page, o.id)).close_date, endIso);
    await settle(page);
    await screenshot(page, 'forecast-slipped-none-light');
    await ok(page, { op: 'undo' });
    for (const o of slipped) assert.equal((await deal(page, o.id)).close_date, o.close_date);
  } finally { await s.close(); }
});

test('a what-if changes nothing until applied; applying is one undoable step', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    await ok(page, { op: 'set_theme', theme: 'dark' });
    await ok(page, { op: 'set_view', view: 'Forecast' });
    await ok(page, { op: 'set_forecast', tab: 'what-if', year_offset: 0, what_if_scope: 1 });
    const plan = await page.evaluate(() => window.footprint.plan());
    const closed = new Set(plan.stages.filter((x) => x.closed).map((x) => x.name));
    const open = plan.opportunities.filter((o) => !closed.has(o.stage) && o.close_date);
    const win = open[0];
    const slip = open[1];
    const fs0 = await forecast(page);
    const rev0 = (await state(page)).revision;
    await ok(page, { op: 'what_if', id: win.id, action: 'win' });
    await ok(page, { op: 'what_if', id: slip.id, action: 'slip' });
    await settle(page);
    await screenshot(page, 'forecast-what-if-dark');
    assert.equal((await state(page)).revision, rev0, 'picking changes nothing in the plan');
    assert.deepEqual((await forecast(page)).this_month, fs0.this_month);
    await ok(page, { op: 'what_if_discard' });
    assert.equal((await state(page)).revision, rev0, 'discarding changes nothing either');

    await ok(page, { op: 'what_if', id: win.id, action: 'win' });
    const depth = (await state(page)).undo_depth;
    const applied = await ok(page, { op: 'what_if_apply' });
    assert.equal(applied.changed, 1);
    assert.equal((await state(page)).undo_depth, depth + 1);
    const won = await deal(page, win.id);
    assert.equal(won.state, 'won');
    const fs1 = await forecast(page);
    assert.equal(fs1.this_month.closed_won, fs0.this_month.closed_won + win.mrc,
      'a win closes today: it counts in this month');
    await ok(page, { op: 'undo' });
    assert.equal((await deal(page, win.id)).state, 'open');
    assert.deepEqual((await forecast(page)).this_month, fs0.this_month);
  } finally { await s.close(); }
});

test('a month without a quota says "no quota set"; views draw in light and dark at DPR 2', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    await ok(page, { op: 'set_view', view: 'Forecast' });
    await ok(page, { op: 'set_forecast', tab: 'overview', granularity: 0, year_offset: 0, selected: -1 });
    const now = new Date();
    const ym = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await ok(page, { op: 'set_quota', overrides: { [ym]: 0 } });
    const fs = await forecast(page);
    assert.equal(fs.this_month.quota, 0);
    assert.equal(fs.this_month.attainment_pct, null);
    assert.equal(fs.this_month.coverage, null);
    const row = fs.periods.find((p) => p.month === ym);
    assert.equal(row.months_without_quota, 1);
    await settle(page);
    await screenshot(page, 'forecast-no-quota-light');
    await ok(page, { op: 'undo' });
    assert.ok((await forecast(page)).this_month.attainment_pct !== null);

    // Keys and clicks: Q shows quarters, a click on a bar picks that period for the cards.
    await page.focus('#canvas');
    await page.keyboard.press('q');
    await settle(page);
    let fq = await forecast(page);
    assert.equal(fq.periods.length, 4, 'Q: by quarter');
    const q2 = fq.bars.find((b) => b.label.startsWith('Q2')).rect;
    await page.mouse.click((q2.x0 + q2.x1) / 2, q2.y1 - 4);
    await settle(page);
    fq = await forecast(page);
    assert.equal(fq.selected, 1, 'the clicked quarter is selected');
    await page.keyboard.press('m');
    await settle(page);
    assert.equal((await forecast(page)).periods.length, 12, 'M: by month');

    for (const theme of ['light', 'dark']) {
      await ok(page, { op: 'set_theme', theme });
      await ok(page, { op: 'set_forecast', tab: 'overview', granularity: 1 });
      await settle(page);
      await screenshot(page, `forecast-quarters-${theme}`);
      await ok(page, { op: 'set_forecast', tab: 'overview', granularity: 2 });
      await settle(page);
      await screenshot(page, `forecast-years-${theme}`);
      await ok(page, { op: 'set_forecast', tab: 'commission', granularity: 0 });
      await settle(page);
      await screenshot(page, `forecast-commission-${theme}`);
      await ok(page, { op: 'set_view', view: 'Pipeline' });
      await ok(page, { op: 'set_pipeline', mode: 'board', filter: 0 });
      await settle(page);
      await screenshot(page, `pipeline-board-${theme}`);
      await ok(page, { op: 'set_pipeline', mode: 'table' });
      await settle(page);
      await screenshot(page, `pipeline-table-${theme}`);
      await ok(page, { op: 'open_editor', editor: 'stages' });
      await settle(page);
      await screenshot(page, `pipeline-stages-${theme}`);
      await page.focus('#canvas');
      await page.keyboard.press('Escape'); // the editor's Cancel
      await settle(page);
      await ok(page, { op: 'set_view', view: 'Forecast' });
    }
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});
