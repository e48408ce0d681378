// Merging a big plan file in the page: the open plan is make_synthetic_plan(100,000 accounts,
// 200,000 activities, seed 7); the file is a colleague's copy of it with 1,000 accounts changed
// (bench_merge --write-theirs). Measures reading, comparing (in slices), the longest frame while
// comparing, applying, the save that follows, and memory. Prints markdown rows for RESULTS.md.
// Usage: build/native-release/bench_merge --write-theirs /tmp/theirs.footprint.json [ACCOUNTS [2*ACCOUNTS]]
//        node bench/web_merge_bench.mjs /tmp/theirs.footprint.json [--runs N] [--accounts ACCOUNTS]
import path from 'node:path';
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, state, dispatch }
  from '../tests/e2e/harness.mjs';

const file = process.argv[2];
if (!file) { console.error('usage: node bench/web_merge_bench.mjs THEIRS.footprint.json [--runs N]'); process.exit(2); }
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
// The open plan's size: must match the file's (bench_merge --write-theirs FILE ACCOUNTS ACTIVITIES).
const accAt = process.argv.indexOf('--accounts');
const ACCOUNTS = accAt > 0 ? Number(process.argv[accAt + 1]) : 100000;
const ACTIVITIES = 2 * ACCOUNTS;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;

const server = await startServer();
const rows = { read: [], compare: [], maxFrame: [], p99: [], apply: [], durable: [], memWasm: [], memJs: [], changes: [] };
for (let i = 0; i < RUNS; i++) {
  const s = await launch(newProfileDir('merge'));
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page, 60000);
    await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: ACTIVITIES, seed: 7 });
    await waitSaved(page, 300000);
    await page.evaluate(() => window.footprint.resetFrameStats());
    await dispatch(page, { op: 'merge_pick' });
    // Playwright refuses files over 50 MB over CDP; Chromium runs here and reads the path itself.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#file-input' });
    await cdp.send('DOM.setFileInputFiles', { nodeId, files: [path.resolve(file)] });
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'merge_state' }).stage === 'comparing', null,
      { timeout: 300000, polling: 100 });
    const readMax = (await page.evaluate(() => window.footprint.frameStats())).max_ms;
    await page.evaluate(() => window.footprint.resetFrameStats());
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'merge_state' }).stage === 'ready', null,
      { timeout: 600000, polling: 250 });
    const frames = await page.evaluate(() => window.footprint.frameStats());
    const st = await dispatch(page, { op: 'merge_state' });
    rows.read.push(Math.max(st.read_ms, readMax));
    rows.compare.push(st.compare_ms);
    rows.maxFrame.push(frames.max_ms);
    rows.p99.push(frames.p99_ms);
    console.error('  before apply:', JSON.stringify(await page.evaluate(() => window.footprint.memory())));
    const t0 = Date.now();
    const applied = await dispatch(page, { op: 'merge_apply' });
    rows.apply.push(Date.now() - t0);
    const after = await dispatch(page, { op: 'merge_state' });
    console.error(`  in the page: longest comparison slice ${ms(st.longest_step_ms)}, finish ${ms(after.finish_ms)}, execute ${ms(after.execute_ms)}`);
    if (!applied.ok) throw new Error('merge did not apply');
    console.error(`  read ${ms(rows.read.at(-1))}, compare ${ms(st.compare_ms)}, max frame ${ms(frames.max_ms)}, apply ${ms(rows.apply.at(-1))}`);
    try { await waitSaved(page, 600000); } catch (e) {
      console.error('save did not finish:', JSON.stringify(problems.console.slice(-5)));
      console.error(JSON.stringify((await state(page)).save), JSON.stringify(await page.evaluate(() => window.footprint.memory())));
      throw e;
    }
    rows.durable.push(Date.now() - t0);
    const mem = await page.evaluate(() => window.footprint.memory());
    rows.memWasm.push(mem.wasm / 1e6);
    rows.memJs.push(mem.js / 1e6);
    rows.changes.push((await state(page)).notices.map((n) => n.text).join(' | '));
    console.error(`run ${i + 1}: read ${ms(rows.read.at(-1))}, compare ${ms(st.compare_ms)}, max frame ${ms(frames.max_ms)}, apply ${ms(rows.apply.at(-1))}, durable ${ms(rows.durable.at(-1))}`);
  } finally { await s.close(); }
}
await server.close();
console.log(`| read and check the file (one piece) | ${ms(median(rows.read))} (${rows.read.map(Math.round).join(', ')}) |`);
console.log(`| compare, in slices with progress and Cancel | ${ms(median(rows.compare))} (${rows.compare.map(Math.round).join(', ')}) |`);
console.log(`| longest frame while comparing | ${ms(median(rows.maxFrame))} (p99 ${ms(median(rows.p99))}) |`);
console.log(`| apply as one command (finish + execute) | ${ms(median(rows.apply))} |`);
console.log(`| apply until durable in IndexedDB | ${ms(median(rows.durable))} |`);
console.log(`| page memory after the merge | ${Math.round(median(rows.memWasm))} MB wasm + ${Math.round(median(rows.memJs))} MB JS |`);
console.log(`\nnotice: ${rows.changes[0]}`);
