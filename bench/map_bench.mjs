// Map view frame times in headless Chromium (software WebGL) with a big plan: CPU time per frame
// (footprint.frameStats(): the whole frame, UI and autosave included) while the user pans with the
// mouse and zooms with the wheel, from the metro region down to streets and back. Prints markdown.
// Usage: node bench/map_bench.mjs [--accounts N] [--runs N]
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, dispatch } from '../tests/e2e/harness.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const ACCOUNTS = arg('accounts', 100000), RUNS = arg('runs', 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer();
const rows = [];
for (let run = 0; run < RUNS; run++) {
  const s = await launch(newProfileDir('map-bench'));
  try {
    const { page } = await openApp(s, server.url, { viewport: { width: 1440, height: 900 } });
    await waitReady(page, 60000);
    await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: 0, seed: 7 });
    await waitSaved(page, 180000); // the first save of a big plan is not what is measured
    await dispatch(page, { op: 'set_view', view: 'Map' });
    await dispatch(page, { op: 'map_view', fit: true });
    await page.waitForTimeout(1500);
    const { canvas } = await dispatch(page, { op: 'map_state' });
    const cx = canvas.x + canvas.w / 2, cy = canvas.y + canvas.h / 2;
    for (const phase of ['pan', 'zoom']) {
      await page.mouse.move(cx, cy);
      await page.evaluate(() => window.footprint.resetFrameStats());
      const t0 = Date.now();
      if (phase === 'pan') {
        for (let round = 0; round < 3; round++) {
          await page.mouse.move(cx, cy);
          await page.mouse.down();
          for (let i = 0; i < 40; i++) await page.mouse.move(cx + 6 * i * (round % 2 ? -1 : 1), cy + 3 * i);
          await page.mouse.up();
        }
      } else {
        // Wheel in to street level and back out, about the pointer.
        for (let i = 0; i < 30; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(30); }
        for (let i = 0; i < 30; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(30); }
      }
      await page.waitForTimeout(400);
      const st = await page.evaluate(() => window.footprint.frameStats());
      const map = await dispatch(page, { op: 'map_state' });
      rows.push({ run, phase, median: st.median_ms, p99: st.p99_ms, max: st.max_ms, frames: st.window, seconds: (Date.now() - t0) / 1000, shown: map.shown });
    }
    // "Assign by location" as the dialog runs it: in slices across frames, then one command.
    await page.evaluate(() => window.footprint.resetFrameStats());
    const t0 = Date.now();
    await dispatch(page, { op: 'map_assign_territories', sliced: true });
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'map_state' }).assigning < 0, null, { timeout: 120000, polling: 50 });
    const st = await page.evaluate(() => window.footprint.frameStats());
    rows.push({ run, phase: 'assign', median: st.median_ms, p99: st.p99_ms, max: st.max_ms, frames: st.window, seconds: (Date.now() - t0) / 1000 });
  } finally { await s.close(); }
}
await server.close();
console.log(`| phase (${ACCOUNTS.toLocaleString('en-US')} accounts) | median frame | p99 frame | max | runs (median / p99) |\n|---|---|---|---|---|`);
for (const phase of ['pan', 'zoom', 'assign']) {
  const r = rows.filter((x) => x.phase === phase);
  console.log(`| ${phase} | ${median(r.map((x) => x.median)).toFixed(1)} ms | ${median(r.map((x) => x.p99)).toFixed(1)} ms | ` +
    `${median(r.map((x) => x.max)).toFixed(0)} ms | ${r.map((x) => `${x.median.toFixed(1)} / ${x.p99.toFixed(1)}`).join(', ')} |`);
}
const assign = rows.filter((x) => x.phase === 'assign');
console.log(`\nassign by location, in slices: ${assign.map((x) => `${x.seconds.toFixed(1)} s, longest frame ${x.max.toFixed(0)} ms`).join('; ')}`);
console.error(JSON.stringify(rows));
