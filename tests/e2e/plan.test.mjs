// The plan is kept: edits survive a reload and a killed browser, a corrupted save falls back to
// the last good one, undo works from the keyboard, bad files change nothing, and the plan exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newProfileDir, openApp, waitReady, waitSaved, state, dispatch,
  settle, screenshot, ARTIFACTS } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

test('an edit survives a reload', async () => {
  const profile = newProfileDir();
  let s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'rename_plan', name: 'Q4 territory — reload test' });
    await waitSaved(page);
    await page.reload();
    await waitReady(page);
    assert.equal((await state(page)).plan.name, 'Q4 territory — reload test');
  } finally { await s.close(); }
  // And after closing the browser and starting it again on the same profile.
  s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    assert.equal((await state(page)).plan.name, 'Q4 territory — reload test');
  } finally { await s.close(); }
});

test('an edit survives the browser being killed (SIGKILL) 1 s after it', async () => {
  const profile = newProfileDir();
  let s = await launch(profile);
  const { page } = await openApp(s, server.url);
  await waitReady(page);
  await waitSaved(page); // the sample plan itself is stored first
  const before = await state(page);
  const first = (await page.evaluate(() => JSON.parse(JSON.stringify(window.footprint.plan().accounts[0]))));
  await dispatch(page, { op: 'edit_account', id: first.id, notes: 'Met the CFO; renewal at 36 months.' });
  await new Promise((r) => setTimeout(r, 1000));
  await s.kill();
  s = await launch(profile);
  try {
    const { page: p2 } = await openApp(s, server.url);
    await waitReady(p2);
    const plan = await p2.evaluate(() => window.footprint.plan());
    const acc = plan.accounts.find((a) => a.id === first.id);
    assert.equal(acc.notes, 'Met the CFO; renewal at 36 months.');
    assert.equal(plan.accounts.length, before.plan.accounts);
  } finally { await s.close(); }
});

test('a corrupted newest save opens the last good save, with a notice', async () => {
  const profile = newProfileDir();
  let s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'rename_plan', name: 'Good plan' });
    await waitSaved(page);
    // Each case writes damaged files as the newest save, straight into IndexedDB through IDBFS,
    // and reloads: the good plan opens with a notice naming the file, and is saved again as the
    // newest, so the next case starts from it.
    const cases = [
      { what: 'a truncated plain save (from before compression)', file: 'json',
        bytes: 'text:{"format": "footprint-plan", "version": 1, "accounts": [{"id": "a1", "na' },
      { what: 'a compressed save cut in half', file: 'json.gz', bytes: 'half-of-newest' },
      { what: 'random bytes that look compressed', file: 'json.gz', bytes: 'garbage-gzip' },
      { what: 'random bytes', file: 'json', bytes: 'garbage' },
      { what: 'an empty file', file: 'json.gz', bytes: 'text:' },
      { what: 'JSON that is not a plan', file: 'json', bytes: 'text:{"hello": "world"}' },
    ];
    for (const c of cases) {
      const name = await page.evaluate(async ({ file, bytes }) => {
        const dir = '/footprint/saves';
        const seq = window.footprint.state().save.next_sequence;
        const name = `save-${String(seq).padStart(12, '0')}.${file}`;
        let data;
        if (bytes.startsWith('text:')) data = new TextEncoder().encode(bytes.slice(5));
        else if (bytes === 'half-of-newest') {
          const newest = FS.readdir(dir).filter((n) => /^save-\d{12}\.json\.gz$/.test(n)).sort().pop();
          const whole = FS.readFile(`${dir}/${newest}`);
          data = whole.slice(0, whole.length >> 1);
        } else {
          data = crypto.getRandomValues(new Uint8Array(4096));
          if (bytes === 'garbage-gzip') data.set([0x1f, 0x8b, 8, 0]);
        }
        FS.writeFile(`${dir}/${name}`, data);
        await new Promise((r, j) => FS.syncfs(false, (e) => (e ? j(e) : r())));
        return name;
      }, c);
      await page.reload();
      await waitReady(page);
      const st = await state(page);
      assert.equal(st.plan.name, 'Good plan', c.what);
      const notice = st.notices.find((n) => /earlier save/i.test(n.title));
      assert.ok(notice, `${c.what}: ${JSON.stringify(st.notices)}`);
      assert.ok(notice.details.some((d) => d.startsWith(`${name}:`)), `${c.what}: ${JSON.stringify(notice.details)}`);
      if (c === cases[0]) {
        await settle(page);
        await screenshot(page, 'plan-recovered-notice');
      }
      await waitSaved(page); // the good plan is written again as the newest save
    }
  } finally { await s.close(); }
});

test('a damaged journal entry: the snapshot and the entries before it open, with a notice', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await waitSaved(page);
    await dispatch(page, { op: 'rename_plan', name: 'Entry one' });
    await waitSaved(page);
    await dispatch(page, { op: 'rename_plan', name: 'Entry two' });
    await waitSaved(page);
    await dispatch(page, { op: 'rename_plan', name: 'Entry three' });
    await waitSaved(page);
    // The middle entry becomes random bytes: the replay stops before it (the third entry, which
    // depends on it, is not applied either).
    const damaged = await page.evaluate(async () => {
      const dir = '/footprint/saves';
      const entries = FS.readdir(dir).filter((n) => n.includes('.journal-')).sort();
      const middle = entries[entries.length - 2];
      FS.writeFile(`${dir}/${middle}`, crypto.getRandomValues(new Uint8Array(300)));
      await new Promise((r, j) => FS.syncfs(false, (e) => (e ? j(e) : r())));
      return middle;
    });
    await page.reload();
    await waitReady(page);
    const st = await state(page);
    assert.equal(st.plan.name, 'Entry one');
    const notice = st.notices.find((n) => /earlier save/i.test(n.title));
    assert.ok(notice && notice.details.some((d) => d.startsWith(`${damaged}:`)), JSON.stringify(st.notices));
  } finally { await s.close(); }
});

test('when no save can be read, the sample opens with a notice that says how to continue', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await waitSaved(page);
    await page.evaluate(async () => {
      const dir = '/footprint/saves';
      for (const n of FS.readdir(dir).filter((x) => x.startsWith('save-')))
        FS.writeFile(`${dir}/${n}`, crypto.getRandomValues(new Uint8Array(1000)));
      await new Promise((r, j) => FS.syncfs(false, (e) => (e ? j(e) : r())));
    });
    await page.reload();
    await waitReady(page);
    const st = await state(page);
    assert.equal(st.plan.sample, true);
    const notice = st.notices.find((n) => /could not be read/i.test(n.title));
    assert.ok(notice, JSON.stringify(st.notices));
    assert.match(notice.text, /exported plan file/);
  } finally { await s.close(); }
});

test('undo and redo from the keyboard', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    const original = (await state(page)).plan.name;
    await dispatch(page, { op: 'rename_plan', name: 'Renamed once' });
    await dispatch(page, { op: 'rename_plan', name: 'Renamed twice' });
    await page.click('#canvas', { position: { x: 700, y: 600 } });
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal((await state(page)).plan.name, 'Renamed once');
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal((await state(page)).plan.name, original);
    await page.keyboard.press('Control+Shift+z');
    await settle(page);
    assert.equal((await state(page)).plan.name, 'Renamed once');
    await page.keyboard.press('Control+y');
    await settle(page);
    assert.equal((await state(page)).plan.name, 'Renamed twice');
  } finally { await s.close(); }
});

test('a bad plan file is rejected with its problems and the open plan stays as it was', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    const before = await page.evaluate(() => window.footprint.plan());
    const rev = (await state(page)).revision;
    const bad = JSON.stringify({ format: 'footprint-plan', version: 1, name: 'x',
      accounts: [{ id: 'a1', name: 'Acme', status: 'client', services: [{ id: 's1', mrc: 12.5 }] }] });
    const r = await dispatch(page, { op: 'open_plan_text', file_name: 'bad.footprint.json', text: bad });
    assert.equal(r.ok, false);
    const st = await state(page);
    assert.equal(st.revision, rev);
    const notice = st.notices.find((n) => /Could not open bad\.footprint\.json/.test(n.title));
    assert.ok(notice, JSON.stringify(st.notices));
    assert.ok(notice.details.some((d) => d.startsWith('bad.footprint.json: /accounts/0/services/0/mrc')),
      JSON.stringify(notice.details));
    assert.deepEqual(await page.evaluate(() => window.footprint.plan()), before);
    await settle(page);
    await screenshot(page, 'plan-bad-file');
  } finally { await s.close(); }
});

test('export downloads the plan, and opening it with the file input brings it back', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'rename_plan', name: 'Export me' });
    await page.click('#canvas', { position: { x: 700, y: 600 } });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const file = path.join(ARTIFACTS, 'exported.footprint.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'footprint-plan');
    assert.equal(exported.version, 1);
    assert.equal(exported.name, 'Export me');
    assert.equal((await download).suggestedFilename(), 'Export me.footprint.json');

    await dispatch(page, { op: 'new_plan' });
    assert.equal((await state(page)).plan.accounts, 0);
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.footprint.state().plan.name === 'Export me', null, { timeout: 10000 });
    assert.equal((await state(page)).plan.accounts, exported.accounts.length);
  } finally { await s.close(); }
});

test('an edit is saved as a small journal entry, and a truncated entry is recovered from', async () => {
  const profile = newProfileDir();
  let s = await launch(profile);
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await waitSaved(page);
    const before = (await state(page)).save;
    await dispatch(page, { op: 'rename_plan', name: 'First edit' });
    await waitSaved(page);
    await dispatch(page, { op: 'rename_plan', name: 'Second edit' });
    await waitSaved(page);
    const after = (await state(page)).save;
    assert.equal(after.snapshots, before.snapshots, 'no new snapshot for small edits');
    assert.equal(after.journal_entries, before.journal_entries + 2);
    const entry = await page.evaluate(() => {
      const names = FS.readdir('/footprint/saves').filter((n) => n.includes('.journal-')).sort();
      const last = `/footprint/saves/${names[names.length - 1]}`;
      const size = FS.stat(last).size;
      const text = FS.readFile(last, { encoding: 'utf8' });
      FS.writeFile(last, text.slice(0, text.length / 2)); // as if cut off mid-write
      return { name: last, size };
    });
    assert.ok(entry.size < 20000, `a journal entry is small (${entry.size} bytes)`);
    await page.evaluate(() => new Promise((r, j) => FS.syncfs(false, (e) => (e ? j(e) : r()))));
    await page.reload();
    await waitReady(page);
    const st = await state(page);
    assert.equal(st.plan.name, 'First edit');
    assert.ok(st.notices.some((n) => /earlier save/i.test(n.title)), JSON.stringify(st.notices));
  } finally { await s.close(); }
});
