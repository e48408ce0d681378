// Route planning through the page: plan a day (add the selected accounts, optimize, the timeline,
// drag a stop, lock one, check in with an outcome), export it as an iCalendar file read back by
// Debian's python3-icalendar, plan a week and add it, cancel a long optimization, and look at it
// all in light and dark at devicePixelRatio 2. Clicks and drags go to where the view drew its
// controls (the test API reports their rectangles), like a user's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle, screenshot,
  ARTIFACTS } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const routeState = (page, date) => dispatch(page, { op: 'route_state', ...(date ? { date } : {}) });

function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The centre of a control the view drew in the last frame.
async function centre(page, key) {
  await settle(page, 3);
  const st = await routeState(page);
  const r = st.rects[key];
  assert.ok(r, `the view drew "${key}" (drawn: ${Object.keys(st.rects).slice(0, 40).join(', ')})`);
  return { x: r[0] + r[2] / 2, y: r[1] + r[3] / 2, r };
}

async function click(page, key) {
  const { x, y } = await centre(page, key);
  await page.mouse.click(x, y);
  await settle(page, 3);
}

async function waitJobDone(page, timeout = 30000) {
  await page.waitForFunction(() => !window.footprint.dispatch({ op: 'route_state' }).job, null, { timeout, polling: 50 });
  await settle(page, 3);
}

// Accounts with a location and no visit on `date`, most of them near each other (same city).
async function pickAccounts(page, date, n) {
  return page.evaluate(({ date, n }) => {
    const plan = window.footprint.plan();
    const busy = new Set(plan.activities.filter((a) => a.date === date && a.type === 'visit').map((a) => a.account_id));
    const free = plan.accounts.filter((a) => a.location && !busy.has(a.id));
    const city = free[0].address && free[0].address.city;
    const same = free.filter((a) => (a.address && a.address.city) === city);
    return (same.length >= n ? same : free).slice(0, n).map((a) => a.id);
  }, { date, n });
}

function parseIcs(file) {
  const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    s, t = e.decoded('dtstart'), e.decoded('dtend')
    out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': s.isoformat(), 'end': t.isoformat(),
                'tz': str(s.tzinfo), 'location': str(e.get('LOCATION', '')), 'geo': [e['GEO'].latitude, e['GEO'].longitude] if e.get('GEO') else None,
                'description': str(e.get('DESCRIPTION', ''))})
print(json.dumps({'calendar_tz': [str(t['TZID']) for t in cal.walk('VTIMEZONE')], 'events': out}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

test('plan a day through the page: add stops, optimize, timeline, drag, lock, check in, export', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    // Next Monday: a whole working day ahead whatever the time now.
    const monday = addDays((await routeState(page)).monday, 7);
    await dispatch(page, { op: 'week_view', mode: 'day', date: monday });
    const before = await routeState(page, monday);
    const depthBefore = (await state(page)).undo_depth;
    const ids = await pickAccounts(page, monday, 6);
    await dispatch(page, { op: 'select', ids });

    // Add the six selected accounts with the view's button.
    await click(page, 'add-selected-day');
    let st = await routeState(page, monday);
    const added = st.day.stops.length + st.day.unrouted.length - before.day.stops.length - before.day.unrouted.length;
    assert.equal(added, 6, 'six visits were added');
    const undoDepth = (await state(page)).undo_depth;
    assert.equal(undoDepth, depthBefore + 1, 'adding them is one undo step');

    // Optimize: the job runs in slices and applies as one command.
    await click(page, 'optimize');
    await waitJobDone(page);
    st = await routeState(page, monday);
    assert.equal((await state(page)).undo_depth, undoDepth + 1, 'the optimization is one undo step');
    assert.ok(st.day.stops.length >= 6, `the route holds the visits (${st.day.stops.length})`);
    assert.equal(st.day.problems, 0, 'no stop is late or after hours');
    for (const stop of st.day.stops) {
      assert.ok(stop.start >= stop.arrive && stop.end > stop.start, `${stop.name} is timed`);
      assert.ok(stop.end <= 17 * 60 + 30, `${stop.name} ends within working hours`);
    }
    for (let i = 1; i < st.day.stops.length; i++) assert.ok(st.day.stops[i].arrive >= st.day.stops[i - 1].end);
    const notices = (await state(page)).notices;
    assert.ok(notices.some((n) => /Route optimized for Mon/.test(n.title)), JSON.stringify(notices));
    // The timeline shows a block for every stop.
    await settle(page, 3);
    const drawn = (await routeState(page, monday)).rects;
    for (const stop of st.day.stops) assert.ok(drawn[`block:${stop.id}`], `timeline block for ${stop.name}`);
    await screenshot(page, 'routes-day-optimized');

    // Drag the first stop below the third, in the route list.
    const first = st.day.stops[0], third = st.day.stops[2];
    const from = await centre(page, `row:${first.id}`);
    const to = await centre(page, `row:${third.id}`);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) {
      await page.mouse.move(from.x, from.y + (to.r[1] + to.r[3] * 0.85 - from.y) * k / 8);
      await settle(page, 1);
    }
    await page.mouse.up();
    await settle(page, 3);
    st = await routeState(page, monday);
    const order = st.day.stops.map((x) => x.id);
    assert.equal(order.indexOf(first.id), 2, `dragged below the third stop: ${order.join(', ')}`);
    assert.equal((await state(page)).undo_depth, undoDepth + 2, 'the reorder is one more undo step');

    // Lock the (new) first stop.
    const lockId = st.day.stops[0].id;
    await click(page, `lock:${lockId}`);
    st = await routeState(page, monday);
    assert.equal(st.day.stops.find((x) => x.id === lockId).locked, true);

    // Check in at the second stop and log the outcome in the dialog.
    const visitId = st.day.stops[1].id;
    await click(page, `checkin:${visitId}`);
    await click(page, 'checkin-outcome');
    await page.keyboard.type('Renewal agreed at 36 months');
    // ImGui takes typed characters a few per frame: wait until all of them are in the field.
    await page.waitForFunction(() => window.footprint.dispatch({ op: 'route_state' }).checkin.outcome ===
      'Renewal agreed at 36 months', null, { timeout: 10000, polling: 50 });
    await click(page, 'checkin-save');
    st = await routeState(page, monday);
    assert.equal(st.day.stops.find((x) => x.id === visitId).done, true);
    const logged = await page.evaluate((id) => window.footprint.plan().activities.find((a) => a.id === id), visitId);
    assert.equal(logged.outcome, 'Renewal agreed at 36 months');
    assert.ok(logged.checked_in, 'the check-in time is saved in the plan');
    await screenshot(page, 'routes-day-checked-in');

    // Export the day as an iCalendar file from the export menu; read it back with python3-icalendar.
    await click(page, 'export');
    const download = page.waitForEvent('download');
    await click(page, 'export-ics-day');
    const file = path.join(ARTIFACTS, 'routes-day.ics');
    await (await download).saveAs(file);
    assert.match((await download).suggestedFilename(), /^Visits \d{4}-\d{2}-\d{2}\.ics$/);
    const bytes = fs.readFileSync(file, 'utf8');
    assert.ok(bytes.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');
    const ics = parseIcs(file);
    st = await routeState(page, monday);
    assert.equal(ics.events.length, st.day.stops.length);
    assert.deepEqual(ics.calendar_tz, ['America/New_York']);
    for (const stop of st.day.stops) {
      const ev = ics.events.find((e) => e.uid === `${stop.id}@footprint`);
      assert.ok(ev, `event for ${stop.name}`);
      assert.equal(ev.summary, `Visit: ${stop.name}`);
      const hh = String(Math.floor(stop.start / 60)).padStart(2, '0'), mm = String(stop.start % 60).padStart(2, '0');
      assert.ok(ev.start.startsWith(`${monday}T${hh}:${mm}:00-0`), `${ev.start} starts at ${hh}:${mm} New York time`);
      assert.equal(ev.tz, 'America/New_York');
      assert.ok(ev.geo && Math.abs(ev.geo[0]) > 0);
    }
    // And the CSV itinerary: BOM, CRLF, one row per stop plus the start and the end.
    const csvDownload = page.waitForEvent('download');
    await dispatch(page, { op: 'route_export', kind: 'csv', scope: 'day', date: monday });
    const csvFile = path.join(ARTIFACTS, 'routes-day.csv');
    await (await csvDownload).saveAs(csvFile);
    const csv = fs.readFileSync(csvFile);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    assert.equal(rows.length, 1 + st.day.stops.length + 2 + st.day.unrouted.length);
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('plan my week: suggestions for next week, reviewed, then added as one undo step', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'week_view', mode: 'week', week_offset: 1 });
    // Accounts selected elsewhere (the map, a desk) join the candidates with one click.
    const extra = await page.evaluate(() => window.footprint.plan().accounts.filter((a) => a.location).slice(-3).map((a) => a.id));
    await dispatch(page, { op: 'select', ids: extra });
    const candidatesBefore = (await routeState(page)).candidates;
    await click(page, 'add-selected');
    assert.ok((await routeState(page)).candidates > candidatesBefore, 'the selection joined the candidates');

    const activities = (await state(page)).plan.activities;
    await click(page, 'plan-week');
    let st = await routeState(page);
    assert.ok((st.job && st.job.kind === 'week') || st.proposal, 'the week is being planned, or is');
    await waitJobDone(page);
    st = await routeState(page);
    assert.ok(st.proposal, 'a proposed week to review');
    assert.ok(st.proposal.new_visits >= 5, `new visits proposed: ${st.proposal.new_visits}`);
    assert.equal((await state(page)).plan.activities, activities, 'nothing changes before it is added');
    await screenshot(page, 'routes-week-proposal');

    await click(page, 'apply-proposal');
    const after = await state(page);
    assert.equal(after.plan.activities, activities + st.proposal.new_visits);
    // Every day of next week fits its working hours.
    for (let d = 0; d < 5; d++) {
      const day = addDays(st.monday, d);
      assert.equal((await routeState(page, day)).day.problems, 0, `${day} has no late or after-hours visit`);
    }
    await page.click('#canvas', { position: { x: 300, y: 860 } });
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal((await state(page)).plan.activities, activities, 'one undo takes the whole week back');
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});

test('an optimization runs in slices: Escape stops it unfinished, and nothing changes', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    // A week planned from 600 candidates, in 40 ms slices.
    await dispatch(page, { op: 'load_synthetic', accounts: 2000, activities: 100, seed: 3 });
    const ids = await page.evaluate(() => window.footprint.plan().accounts.filter((a) => a.location).slice(0, 600).map((a) => a.id));
    await dispatch(page, { op: 'select', ids });
    await dispatch(page, { op: 'week_view', mode: 'week', week_offset: 1 });
    await click(page, 'add-selected');
    assert.ok((await routeState(page)).candidates >= 600);
    const revision = (await state(page)).revision;
    // Start it with the button and press Esc at once: it stops after a slice or two, unfinished.
    const { x, y } = await centre(page, 'plan-week');
    await page.mouse.click(x, y);
    await page.keyboard.press('Escape');
    await settle(page, 4);
    const after = await routeState(page);
    assert.equal(after.job, null);
    assert.equal(after.proposal, null, 'no proposal from a canceled run');
    assert.equal((await state(page)).revision, revision, 'Cancel leaves the plan as it was');
    assert.ok((await state(page)).notices.some((n) => /canceled/.test(n.title)));
  } finally { await s.close(); }
});

test('Plan my week in light and dark at devicePixelRatio 2', async () => {
  const s = await launch(newProfileDir());
  try {
    // Keep the CDP session referenced: the device metrics it set last only as long as it does.
    const { page, problems, cdp } = await openApp(s, server.url, { dpr: 2, viewport: { width: 1440, height: 900 } });
    await waitReady(page);
    await settle(page);
    assert.equal((await state(page)).dpr, 2);
    const monday = addDays((await routeState(page)).monday, 7);
    const ids = await pickAccounts(page, monday, 7);
    await dispatch(page, { op: 'route_add_visits', date: monday, accounts: ids });
    const st = await routeState(page, monday);
    await dispatch(page, { op: 'route_fixed', id: st.day.stops[2].id, fixed: true });
    await dispatch(page, { op: 'route_optimize', date: monday });
    await waitJobDone(page);
    await dispatch(page, { op: 'week_view', mode: 'week', week_offset: 1 });
    await dispatch(page, { op: 'route_plan_week' });
    await waitJobDone(page);
    // Playwright's page.screenshot resets the device metrics set over CDP, so these are taken over
    // the same CDP session, at the device pixel ratio.
    const shot = async (name) => {
      await settle(page, 6);
      assert.equal((await state(page)).dpr, 2);
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), Buffer.from(data, 'base64'));
    };
    for (const theme of ['light', 'dark']) {
      await dispatch(page, { op: 'set_theme', theme });
      await dispatch(page, { op: 'week_view', mode: 'week', week_offset: 1 });
      await shot(`routes-week-${theme}-dpr2`);
      await dispatch(page, { op: 'week_view', mode: 'day', date: monday });
      await shot(`routes-day-${theme}-dpr2`);
    }
    for (const theme of ['light', 'dark'])
      for (const view of ['week', 'day']) {
        const png = fs.readFileSync(path.join(ARTIFACTS, `routes-${view}-${theme}-dpr2.png`));
        assert.equal(png.readUInt32BE(16), 2880, `${view} ${theme} is a 2x screenshot`);
      }
    assert.deepEqual(problems.console, []);
    await cdp.detach();
  } finally { await s.close(); }
});

test('the Map draws today\'s route as Plan my week has it, numbered in driving order', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openApp(s, server.url);
    await waitReady(page);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    // Today's visits at set times (whatever the hour of the run), in a plan opened like a file.
    const text = await page.evaluate((today) => {
      const plan = window.footprint.plan();
      plan.activities = plan.activities.filter((a) => a.date !== today);
      const located = plan.accounts.filter((a) => a.location);
      const city = located[0].address && located[0].address.city;
      located.filter((a) => (a.address && a.address.city) === city).slice(0, 4).forEach((a, i) =>
        plan.activities.push({ id: `map-route-${i}`, account_id: a.id, type: 'visit', date: today,
          start_minute: 9 * 60 + i * 90, duration_minutes: 45, modified: plan.modified }));
      return JSON.stringify(plan);
    }, today);
    assert.equal((await dispatch(page, { op: 'open_plan_text', file_name: 'route.footprint.json', text })).ok, true);
    const day = (await routeState(page, today)).day;
    assert.ok(day.stops.length >= 2, `today has a route (${day.stops.length} stops)`);

    await dispatch(page, { op: 'set_view', view: 'Map' });
    await settle(page, 3); // map_screen reads the canvas geometry, known once the Map has drawn
    const where = await page.evaluate((ids) => {
      const by = new Map(window.footprint.plan().accounts.map((a) => [a.id, a.location]));
      return ids.map((id) => by.get(id));
    }, day.stops.map((x) => x.account_id));
    const lats = where.map((x) => x.lat), lons = where.map((x) => x.lon);
    await dispatch(page, { op: 'map_view', lat: (Math.min(...lats) + Math.max(...lats)) / 2,
      lon: (Math.min(...lons) + Math.max(...lons)) / 2, zoom: 19.5 });
    await settle(page, 3);
    // Where the first stop's number badge is (16 CSS px above the stop).
    const at = await dispatch(page, { op: 'map_screen', lat: where[0].lat, lon: where[0].lon });
    const pixel = async () => {
      await settle(page, 3);
      const png = await page.screenshot({ clip: { x: at.x - 1, y: at.y - 17, width: 2, height: 2 } });
      return page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
      }, png.toString('base64'));
    };
    await dispatch(page, { op: 'map_layers', route: false });
    const without = await pixel();
    await dispatch(page, { op: 'map_layers', route: true });
    const withRoute = await pixel();
    assert.notDeepEqual(withRoute, without, 'the route layer draws the first stop\'s badge');
    await screenshot(page, 'routes-map-today');
    assert.deepEqual(problems.console, []);
  } finally { await s.close(); }
});
