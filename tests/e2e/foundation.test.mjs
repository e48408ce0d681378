// The page opens: no console errors or failed requests, the test API is ready, the canvas shows
// the sample plan, it follows resizes and devicePixelRatio, and a browser without WebGL2 gets a
// readable message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  screenshot, canvasColours } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

test('first visit opens the labelled sample plan with no errors', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    await settle(page);
    const st = await state(page);
    assert.equal(st.plan.sample, true);
    assert.match(st.plan.name, /sample/i);
    assert.ok(st.plan.accounts >= 200, `sample has ${st.plan.accounts} accounts`);
    assert.ok(st.plan.opportunities > 50);
    assert.ok(st.plan.activities > 100);
    assert.ok(await page.isHidden('#loading'), 'the loading card is hidden once the plan is drawn');
    const colours = await canvasColours(page);
    assert.ok(colours > 40, `the canvas is drawn (${colours} distinct colours)`);
    await screenshot(page, 'foundation-accounts');
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.requests, []);
  } finally { await s.close(); }
});

test('every main view draws, switched with the keyboard (Ctrl+1..7)', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    const names = ['Map', 'Accounts', 'Desks', 'Pipeline', 'Forecast', 'Plan my week', 'Reports'];
    await page.click('#canvas', { position: { x: 700, y: 600 } });
    for (let i = 0; i < names.length; i++) {
      await page.keyboard.press(`Control+${i + 1}`);
      await settle(page);
      assert.equal((await state(page)).view, names[i]);
      await screenshot(page, `view-${names[i].replace(/ /g, '-').toLowerCase()}`);
      assert.ok(await canvasColours(page) > 30, `${names[i]} is drawn`);
    }
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('the canvas follows resizes at the device pixel ratio (crisp on HiDPI)', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, cdp } = await openApp(s, server.url, { dpr: 2, viewport: { width: 1200, height: 800 } });
    await waitReady(page);
    await settle(page);
    let dims = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, css: innerWidth }));
    assert.equal((await state(page)).dpr, 2);
    assert.equal(dims.w, 2400);
    assert.equal(dims.h, 1600);
    await screenshot(page, 'foundation-hidpi');
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 900, height: 700, deviceScaleFactor: 1.5, mobile: false });
    await page.waitForFunction(() => canvas.width === 1350 && canvas.height === 1050, null, { timeout: 5000 });
    await settle(page);
    assert.equal((await state(page)).dpr, 1.5);
  } finally { await s.close(); }
});

test('New empty plan is one click away, shows an empty state, and can be undone', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    assert.equal((await dispatch(page, { op: 'new_plan' })).ok, true);
    await dispatch(page, { op: 'set_view', view: 'Accounts' });
    await settle(page);
    const st = await state(page);
    assert.equal(st.plan.accounts, 0);
    assert.equal(st.plan.sample, false);
    await screenshot(page, 'foundation-empty-plan');
    await page.click('#canvas', { position: { x: 700, y: 600 } });
    await page.keyboard.press('Control+z');
    await settle(page);
    const back = await state(page);
    assert.equal(back.plan.sample, true, 'undo brings the sample plan back');
    assert.ok(back.plan.accounts >= 200);
  } finally { await s.close(); }
});

test('a browser without WebGL2 gets a readable message, not a blank page', async () => {
  const s = await launch(newProfileDir(), { extraFlags: ['--disable-webgl', '--disable-3d-apis'] });
  try {
    const page = await s.context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#nowebgl:not([hidden])', { timeout: 10000 });
    const text = await page.textContent('#nowebgl');
    assert.match(text, /WebGL2/);
    assert.match(text, /Chrome|Firefox|Safari/);
    assert.equal(await page.isHidden('#loading'), true);
    await screenshot(page, 'foundation-no-webgl');
  } finally { await s.close(); }
});

test('an idle page stops drawing, and input wakes it at once', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await new Promise((r) => setTimeout(r, 1500)); // past the drawing window after the last change
    const a = (await state(page)).frame;
    await new Promise((r) => setTimeout(r, 3000));
    const idle = (await state(page)).frame - a;
    assert.ok(idle <= 5, `${idle} frames drawn in 3 s of idling (a 1 fps heartbeat at most)`);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    const b = (await state(page)).frame;
    await page.waitForFunction((f) => window.footprint.state().frame >= f + 5, b, { timeout: 5000 });
  } finally { await s.close(); }
});
