// The Desks view: one real click creates a renewal opportunity that the pipeline then holds and undo
// takes away; "Plan visits" hands the selection to Plan my week; weights reorder the list; a rule
// switched off takes its recommendations away and undo brings them back; every tab
// draws in both themes at devicePixelRatio 2 (screenshots in tests/e2e/artifacts/desks-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  screenshot, canvasColours } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const desks = (page, limit = 400) => dispatch(page, { op: 'desks_state', limit });

// Where the last frame drew a Desks button (CSS pixels), waiting a few frames for it to appear.
async function locate(page, key) {
  for (let i = 0; i < 20; i++) {
    const r = await dispatch(page, { op: 'desks_locate', key });
    if (r.ok) return r;
    await settle(page, 2);
  }
  throw new Error(`${key} was not drawn`);
}

async function click(page, key) {
  const r = await locate(page, key);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await settle(page, 3);
}

test('one click creates the renewal opportunity, the pipeline has it, and undo takes it away', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    await page.click('#canvas', { position: { x: 700, y: 600 } });
    await page.keyboard.press('Control+3');
    await settle(page);
    assert.equal((await state(page)).view, 'Desks');
    await click(page, 'tab:Renewals');
    assert.equal((await desks(page)).tab, 'Renewals');

    // A contract due with no renewal opportunity yet; find its row by typing its name.
    await dispatch(page, { op: 'desks_filters', renewal_horizon: 3, include_lapsed: true });
    const before = await desks(page);
    const row = before.renewals.find((r) => r.deal.state === 'none');
    assert.ok(row, 'the sample plan has a renewal without an opportunity');
    await click(page, 'search');
    await page.keyboard.type(row.name);
    await settle(page, 3);
    const plan0 = await page.evaluate(() => window.footprint.plan());
    const depth0 = (await state(page)).undo_depth;

    await click(page, `create_renewal:${row.account_id}`);
    await page.waitForFunction((n) => window.footprint.plan().opportunities.length === n + 1,
      plan0.opportunities.length, { timeout: 5000 });
    const plan1 = await page.evaluate(() => window.footprint.plan());
    const made = plan1.opportunities.find((o) => !plan0.opportunities.some((p) => p.id === o.id));
    assert.equal(made.account_id, row.account_id);
    assert.equal(made.type, 'renewal');
    assert.equal(made.mrc, row.mrc, 'the amount is the MRC of the contracts due');
    if (row.days_left >= 0) assert.equal(made.close_date, row.end, 'it closes on the contract end');
    else assert.ok(made.close_date > row.end, 'out of contract: it closes today, not in the past');
    assert.ok(made.products.length >= 1);
    assert.equal((await state(page)).undo_depth, depth0 + 1, 'one command, one undo step');
    const after = (await desks(page)).renewals.find((r) => r.account_id === row.account_id);
    assert.equal(after.deal.state, 'open');
    assert.equal(after.deal.opportunity_id, made.id);
    await settle(page, 3);
    assert.equal((await dispatch(page, { op: 'desks_locate', key: `create_renewal:${row.account_id}` })).ok, false,
      'the button gives way to the opportunity');
    await screenshot(page, 'desks-renewal-created');

    // In the pipeline: an open stage of the plan's stages.
    const stages = plan1.stages.filter((st) => !st.closed).map((st) => st.name);
    assert.ok(stages.includes(made.stage), `${made.stage} is an open pipeline stage`);
    await page.keyboard.press('Control+4');
    await settle(page);
    assert.equal((await state(page)).view, 'Pipeline');
    await screenshot(page, 'desks-renewal-in-pipeline');

    await page.keyboard.press('Control+z');
    await settle(page);
    const plan2 = await page.evaluate(() => window.footprint.plan());
    assert.equal(plan2.opportunities.length, plan0.opportunities.length);
    assert.ok(!plan2.opportunities.some((o) => o.id === made.id));
    assert.equal((await desks(page)).renewals.find((r) => r.account_id === row.account_id).deal.state, 'none');
    await page.keyboard.press('Control+3');
    await settle(page, 4);
    await locate(page, `create_renewal:${row.account_id}`); // the button is back
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('Plan visits sends the selected accounts to Plan my week', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'set_view', view: 'Desks' });
    await dispatch(page, { op: 'desks_tab', tab: 'This week' });
    await settle(page);
    const top = (await desks(page, 10)).priorities.map((p) => p.account_id);
    assert.equal(top.length, 10);
    await click(page, 'select_top');
    assert.deepEqual([...(await state(page)).selection].sort(), [...top].sort());
    await screenshot(page, 'desks-week-selected');
    await click(page, 'plan_visits');
    const st = await state(page);
    assert.equal(st.view, 'Plan my week');
    assert.deepEqual([...st.selection].sort(), [...top].sort());
    // They are Plan my week's candidates now, first (the ones the user asked for).
    const route = await dispatch(page, { op: 'route_state' });
    assert.deepEqual(route.candidate_ids.slice(0, top.length).sort(), [...top].sort());
    // The week planner reads the same order from core::priority_list.
    const list = (await dispatch(page, { op: 'priority_list', limit: 10 })).list.map((p) => p.account_id);
    assert.deepEqual(list, top);
  } finally { await s.close(); }
});

test('weights are saved in the plan as one undoable edit and reorder the list', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    const first = (await desks(page, 5)).priorities;
    await dispatch(page, { op: 'set_priority_weights', renewal: 0, revenue: 0, winback: 100, upsell: 0, recency: 0 });
    const winbacks = (await desks(page, 5)).priorities;
    assert.notDeepEqual(winbacks.map((p) => p.account_id), first.map((p) => p.account_id));
    for (const p of winbacks) assert.ok(p.factors[2].points > 0, `${p.name} ranks for its win-back window`);
    const plan = await page.evaluate(() => window.footprint.plan());
    assert.deepEqual(plan.settings.priority_weights, { renewal: 0, revenue: 0, winback: 100, upsell: 0, recency: 0 });
    assert.equal((await dispatch(page, { op: 'undo' })).ok, true);
    assert.deepEqual((await desks(page, 5)).priorities.map((p) => p.account_id), first.map((p) => p.account_id));
  } finally { await s.close(); }
});

test('switching an upsell rule off takes its recommendations away at once; undo brings them back', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'set_view', view: 'Desks' });
    const count = (st) => st.whitespace.flatMap((r) => r.recommendations).filter((r) => r.rule_id === 'rule-ethernet-wan').length;
    const before = await desks(page, 1000);
    assert.ok(count(before) > 0, 'the sample plan has Ethernet WAN recommendations');
    assert.equal((await dispatch(page, { op: 'toggle_rule', rule_id: 'rule-ethernet-wan' })).ok, true);
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'desks_ready' }).ready);
    const off = await desks(page, 1000);
    assert.equal(count(off), 0);
    assert.ok(off.whitespace_value < before.whitespace_value, 'less whitespace without the rule');
    assert.equal((await dispatch(page, { op: 'undo' })).ok, true);
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'desks_ready' }).ready);
    const back = await desks(page, 1000);
    assert.equal(count(back), count(before));
    assert.equal(back.whitespace_value, before.whitespace_value);
  } finally { await s.close(); }
});

test('an empty plan explains the desks and keeps the catalog at hand', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'new_plan' });
    await dispatch(page, { op: 'set_view', view: 'Desks' });
    await settle(page);
    const d = await desks(page);
    assert.equal(d.renewal_count, 0);
    assert.equal(d.priorities.length, 0);
    await screenshot(page, 'desks-empty-plan');
    await click(page, 'tab:Catalog & rules');
    await locate(page, 'edit_product:inet-500'); // the shipped catalog is there to edit
    await screenshot(page, 'desks-empty-plan-catalog');
  } finally { await s.close(); }
});

test('win-back and upsell opportunities are one click too', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    const d = await desks(page, 400);
    const wb = d.winbacks.find((w) => w.window === 'open' && w.deal.state !== 'open');
    assert.ok(wb, 'an open win-back window without a deal');
    const r1 = await dispatch(page, { op: 'create_winback', account_id: wb.account_id });
    assert.equal(r1.ok, true);
    const ws = d.whitespace.find((w) => w.recommendations.some((r) => r.deal.state === 'none'));
    const rec = ws.recommendations.find((r) => r.deal.state === 'none');
    const r2 = await dispatch(page, { op: 'create_upsell', account_id: ws.account_id, rule_id: rec.rule_id });
    assert.equal(r2.ok, true);
    const plan = await page.evaluate(() => window.footprint.plan());
    const o1 = plan.opportunities.find((o) => o.id === r1.id);
    const o2 = plan.opportunities.find((o) => o.id === r2.id);
    assert.equal(o1.type, 'winback');
    assert.equal(o1.mrc, wb.value);
    assert.equal(o2.type, 'upsell');
    assert.deepEqual(o2.products, [rec.product]);
    assert.equal(o2.mrc, rec.value);
    const after = await desks(page, 400);
    assert.equal(after.winbacks.find((w) => w.account_id === wb.account_id).deal.state, 'open');
    assert.ok(after.whitespace_value < d.whitespace_value, 'the offered upsell leaves the open whitespace');
  } finally { await s.close(); }
});

test('every tab draws in both themes at devicePixelRatio 2', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2, viewport: { width: 1440, height: 900 } });
    await waitReady(page);
    await dispatch(page, { op: 'set_view', view: 'Desks' });
    for (const theme of ['light', 'dark']) {
      await dispatch(page, { op: 'set_theme', theme });
      for (const tab of ['This week', 'Renewals', 'Win-backs', 'Whitespace', 'Catalog & rules']) {
        await dispatch(page, { op: 'desks_tab', tab });
        if (tab === 'Renewals') await dispatch(page, { op: 'desks_filters', renewal_horizon: 2 });
        await settle(page, 6);
        const name = `desks-${tab.replace(/[^a-z]+/gi, '-').toLowerCase()}-${theme}`;
        await screenshot(page, name);
        assert.ok(await canvasColours(page) > 30, `${tab} (${theme}) is drawn`);
      }
      // The editors: a product, a rule, a competitor contract.
      const d = await desks(page, 5);
      for (const [tab, key, name] of [['Catalog & rules', 'edit_product:inet-500', 'product'],
        ['Catalog & rules', 'edit_rule:rule-ethernet-wan', 'rule'],
        ['Win-backs', `edit_competitor:${d.winbacks[0].account_id}`, 'competitor']]) {
        await dispatch(page, { op: 'desks_tab', tab });
        await settle(page, 4);
        await click(page, key);
        await settle(page, 4);
        await screenshot(page, `desks-editor-${name}-${theme}`);
        await page.keyboard.press('Escape');
        await settle(page, 3);
      }
    }
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});
