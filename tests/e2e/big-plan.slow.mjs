// Big plans in the page: 100,000 accounts and 200,000 activities open, edit, save and reload, and
// the page's memory stays within 512 MB. Slow (a few minutes on 2 cores), so it is not part of
// scripts/test.sh: run it with `node --test tests/e2e/big-plan.slow.mjs` (bench/RESULTS.md,
// issue 11, records its figures). BIG_ACCOUNTS / BIG_ACTIVITIES change the size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, state, dispatch } from './harness.mjs';

const ACCOUNTS = Number(process.env.BIG_ACCOUNTS || 100000);
const ACTIVITIES = Number(process.env.BIG_ACTIVITIES || 200000);
const MEMORY_GOAL = 512e6;

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const account = async (page, q) => (await dispatch(page, { op: 'account', ...q })).account;
const memory = (page) => page.evaluate(() => window.footprint.memory());
const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;

test(`a plan of ${ACCOUNTS} accounts and ${ACTIVITIES} activities opens, edits, saves and reloads within ${mb(MEMORY_GOAL)}`, async () => {
  const profile = newProfileDir('big');
  let s = await launch(profile);
  let id;
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 60000);
    await waitSaved(page, 30000);
    await dispatch(page, { op: 'load_synthetic', accounts: ACCOUNTS, activities: ACTIVITIES, seed: 7 });
    await waitSaved(page, 300000);
    id = (await account(page, { index: 5 })).id;
    assert.equal((await dispatch(page, { op: 'edit_account', id, notes: 'Edited in the big plan' })).ok, true);
    await waitSaved(page, 60000);
    const m = await memory(page);
    console.log(`after generating and saving: wasm ${mb(m.wasm)} (malloc in use ${mb(m.heap)}), JS ${mb(m.js)}`);
  } finally { await s.close(); }

  s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page, 300000);
    const st = await state(page);
    assert.equal(st.plan.accounts, ACCOUNTS);
    assert.equal(st.plan.activities, ACTIVITIES);
    assert.deepEqual(st.notices, []);
    assert.equal((await account(page, { id })).notes, 'Edited in the big plan');
    const m = await memory(page);
    const frame = await page.evaluate(() => window.footprint.frameStats());
    console.log(`after reload: wasm ${mb(m.wasm)} (malloc in use ${mb(m.heap)}), JS ${mb(m.js)}, total ${mb(m.wasm + m.js)}; ` +
      `IndexedDB read ${Math.round(st.load.idb_read_ms)} ms, open ${Math.round(st.load.plan_open_ms)} ms, ` +
      `first full frame ${Math.round(frame.first_full_frame_ms)} ms`);
    assert.ok(m.wasm + m.js <= MEMORY_GOAL, `page memory ${mb(m.wasm + m.js)} is within ${mb(MEMORY_GOAL)}`);

    // Edit again and reload in the same page: the journal on top of the compressed snapshot.
    const other = (await account(page, { index: ACCOUNTS - 1 })).id;
    await dispatch(page, { op: 'edit_account', id: other, notes: 'Second edit' });
    await waitSaved(page, 60000);
    await page.reload();
    await waitReady(page, 300000);
    assert.equal((await account(page, { id })).notes, 'Edited in the big plan');
    assert.equal((await account(page, { id: other })).notes, 'Second edit');
    const m2 = await memory(page);
    assert.ok(m2.wasm + m2.js <= MEMORY_GOAL, `after a reload with a journal: ${mb(m2.wasm + m2.js)}`);
  } finally { await s.close(); }
});
