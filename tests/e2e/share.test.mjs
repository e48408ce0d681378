// Sharing, merging and the team roll-up through the real page: a redacted share downloaded and
// checked for personal details, a colleague's file merged through the file input with a conflict
// decided and the merge undone, and the roll-up of two plans with its CSV. Screenshots light and
// dark at devicePixelRatio 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  ARTIFACTS } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const plan = (page) => page.evaluate(() => window.footprint.plan());

// Runs a test-API op that downloads a file and returns the file's text and suggested name.
async function downloaded(page, cmd, saveAs) {
  const download = page.waitForEvent('download');
  const answer = await dispatch(page, cmd);
  assert.ok(answer.ok, JSON.stringify(answer));
  const d = await download;
  const file = path.join(ARTIFACTS, saveAs);
  await d.saveAs(file);
  return { text: fs.readFileSync(file, 'utf8'), name: d.suggestedFilename(), file };
}

async function waitMerge(page, stage) {
  await page.waitForFunction((s) => window.footprint.dispatch({ op: 'merge_state' }).stage === s, stage,
    { timeout: 60000 });
  return dispatch(page, { op: 'merge_state' });
}

// A screenshot at the device's resolution through CDP: Playwright's page.screenshot() drops the
// devicePixelRatio override after it, and the page would go on at 1x.
async function shot(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  await cdp.detach();
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), Buffer.from(data, 'base64'));
}

async function themed(page, name) {
  for (const theme of ['light', 'dark']) {
    await dispatch(page, { op: 'set_theme', theme });
    await settle(page);
    await shot(page, `${name}-${theme}`);
  }
  await dispatch(page, { op: 'set_theme', theme: 'light' });
}

test('a redacted share holds no contact name, phone or email anywhere in the file', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    const p = await plan(page);
    const territory = p.territories[0];
    await dispatch(page, { op: 'share_dialog', scope: 'territory', territory_id: territory.id, redact: true });
    await themed(page, 'share-dialog');
    await page.keyboard.press('Escape');

    const { text, name } = await downloaded(page, { op: 'share', scope: 'plan', redact: true }, 'redacted.footprint.json');
    assert.match(name, /\(no personal details\)\.footprint\.json$/);
    const shared = JSON.parse(text);
    assert.equal(shared.share.redacted, true);
    assert.equal(shared.accounts.length, p.accounts.length);
    // Account names and addresses are kept (they are the businesses'; a firm may carry a partner's
    // surname, a street a person's name): the name-word check runs on the file without them.
    const business = shared.accounts.flatMap((a) => [a.name, a.address?.street, a.address?.city]).filter(Boolean);
    const withoutBusinessNames = business.reduce((t, b) => t.split(JSON.stringify(b)).join('""'), text);
    let checked = 0;
    for (const a of p.accounts) {
      for (const c of a.contacts || []) {
        for (const value of [c.name, c.phone, c.email]) {
          if (!value) continue;
          assert.ok(!text.includes(value), `"${value}" is in the redacted file`);
          checked++;
        }
        const digits = (c.phone || '').replace(/\D/g, '');
        if (digits.length >= 7) assert.ok(!text.includes(digits.slice(-7)), `phone digits ${digits} are in the file`);
        for (const word of (c.name || '').split(/\s+/).filter((w) => /^[A-Z][a-z]{2,}$/.test(w)))
          assert.ok(!new RegExp(`\\b${word}\\b`).test(withoutBusinessNames), `name word "${word}" is in the file`);
      }
    }
    assert.ok(checked > 100, `only ${checked} personal values checked`);
    assert.ok(!/[\w.+-]+@[\w-]+\.[\w.]+/.test(text), 'an email address is in the file');
    // What is kept: the business details and the structure.
    assert.ok(text.includes(JSON.stringify(p.accounts[0].name)));
    // The plan remembers the share (for merging it back), without an undo step for it.
    const st = await state(page);
    assert.equal(st.undo_depth, 0);
    assert.ok((await plan(page)).sync.some((e) => e.id === shared.id && e.kind === 'shared'));
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('merge a colleague\'s file through the file input: preview, a conflict decided, result, undo', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    // The colleague got the whole plan as a share file...
    const { text } = await downloaded(page, { op: 'share', scope: 'plan' }, 'to-colleague.footprint.json');
    const theirs = JSON.parse(text);
    const mine = await plan(page);
    const [a0, a1] = [mine.accounts[0], mine.accounts[1]];
    // ...and changed things: notes of the first account (which we change too: a conflict), the
    // industry of the second (theirs only), and a new prospect.
    const later = new Date(Date.now() + 3600_000).toISOString();
    const t0 = theirs.accounts.find((a) => a.id === a0.id);
    t0.notes = 'Colleague: CFO wants a 5-year term';
    t0.modified = later;
    const t1 = theirs.accounts.find((a) => a.id === a1.id);
    t1.industry = 'Logistics';
    t1.modified = later;
    theirs.accounts.push({ id: 'acc-colleague-1', name: 'Scioto Valley Brewing', status: 'prospect',
      modified: later });
    // Sam merged the share into his own plan; the file he sends back is his plan, which says so.
    const shareId = theirs.id;
    theirs.id = 'plan-sam';
    delete theirs.share;
    theirs.name = "Sam's plan";
    theirs.owner = 'Sam Lee';
    theirs.sync = [{ id: mine.id, file: shareId, kind: 'merged', at: new Date().toISOString() }];
    const file = path.join(ARTIFACTS, 'from-colleague.footprint.json');
    fs.writeFileSync(file, JSON.stringify(theirs));
    await dispatch(page, { op: 'edit_account', id: a0.id, notes: 'Me: renewal at 36 months' });

    await dispatch(page, { op: 'merge_pick' });
    await page.setInputFiles('#file-input', file);
    const preview = await waitMerge(page, 'ready');
    assert.equal(preview.their_name, "Sam's plan");
    assert.match(preview.base, /file you shared/);
    // With the conflict at its default (theirs, newer) both accounts change.
    assert.deepEqual(preview.changes.accounts, { created: 1, updated: 2, deleted: 0 });
    assert.equal(preview.conflicts.length, 1);
    const c = preview.conflicts[0];
    assert.equal(c.field, 'notes');
    assert.equal(c.mine, 'Me: renewal at 36 months');
    assert.equal(c.theirs, 'Colleague: CFO wants a 5-year term');
    assert.equal(c.theirs_newer, true);
    assert.equal(c.choice, 'theirs'); // newer wins by default
    await themed(page, 'merge-preview');

    // Keep mine for the conflict, then merge.
    assert.ok((await dispatch(page, { op: 'merge_choose', index: 0, side: 'mine' })).ok);
    assert.deepEqual((await dispatch(page, { op: 'merge_state' })).changes.accounts, { created: 1, updated: 1, deleted: 0 });
    const depth = (await state(page)).undo_depth;
    assert.ok((await dispatch(page, { op: 'merge_apply' })).ok);
    await settle(page);
    await shot(page, 'merge-done-notice');
    let after = await plan(page);
    const st = await state(page);
    assert.equal(st.undo_depth, depth + 1);
    assert.ok(st.notices.some((n) => /^Merged from-colleague/.test(n.title) && /1 conflict \(1 kept yours/.test(n.text)),
      JSON.stringify(st.notices));
    assert.equal(after.accounts.find((a) => a.id === a0.id).notes, 'Me: renewal at 36 months');
    assert.equal(after.accounts.find((a) => a.id === a1.id).industry, 'Logistics');
    assert.ok(after.accounts.some((a) => a.id === 'acc-colleague-1'));

    // The same file again: nothing to merge.
    await dispatch(page, { op: 'merge_pick' });
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.footprint.state().notices.some((n) => n.title === 'Nothing to merge')
      || window.footprint.dispatch({ op: 'merge_state' }).stage === 'ready', null, { timeout: 60000 });
    const again = await dispatch(page, { op: 'merge_state' });
    if (again.stage === 'ready') {
      assert.deepEqual(again.changes, {});
      assert.equal(again.conflicts.length, 0);
      await dispatch(page, { op: 'merge_cancel' });
    }

    // Undo takes the whole merge back.
    assert.ok((await dispatch(page, { op: 'undo' })).ok);
    after = await plan(page);
    assert.equal(after.accounts.length, mine.accounts.length);
    assert.equal(after.accounts.find((a) => a.id === a1.id).industry, a1.industry);
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('a file that is not a plan is refused by the merge with its problems; the plan is unchanged', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    const before = (await state(page)).revision;
    const file = path.join(ARTIFACTS, 'not-a-plan.json');
    fs.writeFileSync(file, '{"format":"footprint-plan","version":1,"accounts":5}');
    await dispatch(page, { op: 'merge_pick' });
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.footprint.state().notices.some((n) => /^Could not merge/.test(n.title)),
      null, { timeout: 20000 });
    const st = await state(page);
    const n = st.notices.find((x) => /^Could not merge/.test(x.title));
    assert.ok(n.details.some((d) => d === 'not-a-plan.json: /accounts: expected an array'), JSON.stringify(n));
    assert.equal(st.revision, before);
    assert.equal((await dispatch(page, { op: 'merge_state' })).stage, 'idle');
  } finally { await s.close(); }
});

test('team roll-up: two reps\' plans, the team forecast, a rep\'s deals, and the CSV', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url, { dpr: 2 });
    await waitReady(page);
    await dispatch(page, { op: 'rollup_open' });
    await themed(page, 'rollup-empty');
    // A second rep's plan: the same sample under another owner and id.
    const p = await plan(page);
    const other = JSON.parse(JSON.stringify(p));
    other.id = 'plan-sam';
    other.name = "Sam's plan";
    other.owner = 'Sam Lee';
    other.quota.monthly_revenue = 2000000;
    const file = path.join(ARTIFACTS, 'sam.footprint.json');
    fs.writeFileSync(file, JSON.stringify(other));
    assert.ok((await dispatch(page, { op: 'rollup_add_open_plan' })).ok);
    await dispatch(page, { op: 'rollup_pick' });
    await page.setInputFiles('#file-input', [file]);
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'rollup_state' }).plans.length === 2, null,
      { timeout: 20000 });
    let r = await dispatch(page, { op: 'rollup_state' });
    assert.deepEqual(r.plans.map((x) => x.rep).sort(), [p.owner, 'Sam Lee'].sort());
    const team = r.rollup.team;
    assert.equal(team.length, 6);
    const rep0 = r.rollup.reps[0].months, rep1 = r.rollup.reps[1].months;
    for (let m = 0; m < 6; m++) {
      assert.equal(team[m].quota, rep0[m].quota + rep1[m].quota);
      assert.equal(team[m].closed_won, rep0[m].closed_won + rep1[m].closed_won);
    }
    await dispatch(page, { op: 'rollup_set', rep: 'Sam Lee', months: 6 });
    r = await dispatch(page, { op: 'rollup_state' });
    assert.ok(r.deals.length > 0);
    await themed(page, 'rollup');
    const { text, name } = await downloaded(page, { op: 'rollup_export' }, 'rollup.csv');
    assert.match(name, /^Team roll-up \d{4}-\d{2} to \d{4}-\d{2}\.csv$/);
    assert.ok(text.startsWith('\uFEFFMonth,Rep,Quota,'));
    assert.equal(text.split('\r\n').length, 1 + 6 * 3 + 1); // header, 2 reps + team per month, last CRLF
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});
