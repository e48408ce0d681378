// Page benchmarks in headless Chromium (software WebGL): time to the first full frame, what the
// page downloads (raw and gzip), and a big plan (100,000 accounts, 200,000 activities) saved,
// reloaded and edited in the page. Prints markdown rows for bench/RESULTS.md.
// Usage: node bench/web_bench.mjs [--runs N] [--accounts N] [--activities N]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, state, dispatch, APP_DIR }
  from '../tests/e2e/harness.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const RUNS = arg('runs', 5), ACCOUNTS = arg('accounts', 100000), ACTIVITIES = arg('activities', 200000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mb = (b) => (b / 1e6).toFixed(1) + ' MB';
const ms = (x) => Math.round(x) + ' ms';

// 1. What the page downloads.
const files = ['index.html', 'footprint.css', 'footprint-glue.js', 'favicon.svg', 'footprint.js', 'footprint.wasm', 'footprint.data'];
let raw = 0, gz = 0;
const sizeRows = [];
for (const f of files) {
  const data = fs.readFileSync(path.join(APP_DIR, f));
  const g = zlib.gzipSync(data, { level: 6 }).length;
  raw += data.length; gz += g;
  sizeRows.push(`| ${f} | ${(data.length / 1024).toFixed(0)} KiB | ${(g / 1024).toFixed(0)} KiB |`);
}
console.log('### Download\n\n| file | raw | gzip -6 |\n|---|---|---|');
console.log(sizeRows.join('\n'));
console.log(`| **total** | **${mb(raw)}** | **${mb(gz)}** |\n`);

const server = await startServer();

// 2. Navigation to the first full frame, fresh profile each run (first visit: sample plan).
const first = [];
for (let i = 0; i < RUNS; i++) {
  const s = await launch(newProfileDir('bench'));
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 60000);
    first.push((await page.evaluate(() => window.footprint.frameStats())).first_full_frame_ms);
  } finally { await s.close(); }
}
console.log(`### Startup\n\nfirst full frame after navigation (first visit, sample plan), ${RUNS} runs: median ${ms(median(first))} (runs: ${first.map(Math.round).join(', ')} ms)\n`);

// 3. A big plan in the page.
const rows = { memSaved: [], memHeap: [], memWasm: [], memJs: [], save: [], saveMaxFrame: [], idb: [], open: [], firstFrame: [], edit: [], editMaxFrame: [], memLoaded: [], fileSize: [] };
const bigRuns = Math.max(1, Math.min(RUNS, 3));
for (let i = 0; i < bigRuns; i++) {
  const profile = newProfileDir('big');
  let s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 60000);
    await waitSaved(page, 30000);
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: ACTIVITIES, seed: 7 });
    await page.evaluate(() => window.footprint.resetFrameStats()); // generation itself is not saving
    await waitSaved(page, 120000);
    const st = await state(page);
    rows.save.push(st.save.last_save_ms);
    rows.saveMaxFrame.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
    rows.fileSize.push(await page.evaluate(() => {
      const dir = '/footprint/saves';
      const names = FS.readdir(dir).filter((n) => /^save-\d{12}\.json(\.gz)?$/.test(n)).sort();
      return FS.stat(`${dir}/${names[names.length - 1]}`).size;
    }));
    const m = await page.evaluate(() => window.footprint.memory());
    rows.memSaved.push(m.wasm + m.js);
  } finally { await s.close(); }
  s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 120000);
    const st = await state(page);
    if (st.plan.accounts !== ACCOUNTS) throw new Error(`reloaded ${st.plan.accounts} accounts`);
    rows.idb.push(st.load.idb_read_ms);
    rows.open.push(st.load.plan_open_ms);
    rows.firstFrame.push((await page.evaluate(() => window.footprint.frameStats())).first_full_frame_ms);
    const mem = await page.evaluate(() => window.footprint.memory());
    rows.memLoaded.push(mem.wasm + mem.js);
    rows.memWasm.push(mem.wasm);
    rows.memJs.push(mem.js);
    rows.memHeap.push(mem.heap);
    // One edit on the big plan, autosaved in slices.
    const id = (await dispatch(page, { op: 'account', index: 5 })).account.id;
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'edit_account', id, notes: 'benchmark edit' });
    await page.waitForFunction(() => window.footprint.state().save.state !== 'saved', null, { timeout: 5000 }).catch(() => {});
    await waitSaved(page, 120000);
    rows.edit.push((await state(page)).save.last_save_ms);
    rows.editMaxFrame.push((await page.evaluate(() => window.footprint.frameStats())).max_ms);
  } finally { await s.close(); }
}
await server.close();
console.log(`### Big plan in the page (${ACCOUNTS.toLocaleString('en-US')} accounts, ${ACTIVITIES.toLocaleString('en-US')} activities), median of ${bigRuns}\n`);
console.log('| measure | median | runs |\n|---|---|---|');
const row = (label, xs, f) => console.log(`| ${label} | ${f(median(xs))} | ${xs.map(f).join(', ')} |`);
row('stored snapshot size (gzip-compressed plan)', rows.fileSize, mb);
row('page memory after generating and saving it (wasm + JS heap)', rows.memSaved, mb);
row('first save: change to durable in IndexedDB', rows.save, ms);
row('longest frame while saving it', rows.saveMaxFrame, ms);
row('reload: IndexedDB into the file system (syncfs)', rows.idb, ms);
row('reload: read + parse + open the plan', rows.open, ms);
row('reload: navigation to first full frame', rows.firstFrame, ms);
row('page memory after reload (wasm + JS heap)', rows.memLoaded, mb);
row('… of which WebAssembly memory', rows.memWasm, mb);
row('… … of it in use by malloc', rows.memHeap, mb);
row('… of which JS heap (IDBFS keeps the files there)', rows.memJs, mb);
row('one edit: change to durable (autosave)', rows.edit, ms);
row('longest frame during that autosave', rows.editMaxFrame, ms);
