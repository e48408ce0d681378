// The Map view in real Chromium: the offline basemap and markers at country and metro zoom (light
// and dark, DPR 1 and 2), selection with real mouse gestures shared with the Accounts list,
// territories from counties with assignment and undo, and a bad GeoJSON that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newProfileDir, openApp, waitReady, state, dispatch, settle,
  screenshot, canvasColours } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function openMap(s, opts = {}) {
  const { page, problems } = await openApp(s, server.url, opts);
  await waitReady(page);
  await dispatch(page, { op: 'set_view', view: 'Map' });
  await settle(page, 4);
  return { page, problems };
}

// Screen positions (CSS px) of every located account, from the app's own projection.
async function accountPositions(page) {
  return page.evaluate(() => {
    const plan = window.footprint.plan();
    return plan.accounts.filter((a) => a.location).map((a) => {
      const p = window.footprint.dispatch({ op: 'map_screen', lat: a.location.lat, lon: a.location.lon });
      return { id: a.id, x: p.x, y: p.y };
    });
  });
}

function inPolygon(p, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    if ((poly[i].y > p.y) !== (poly[j].y > p.y) &&
        p.x < (poly[j].x - poly[i].x) * (p.y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x) inside = !inside;
  }
  return inside;
}

for (const { theme, dpr } of [{ theme: 'light', dpr: 1 }, { theme: 'dark', dpr: 2 }]) {
  test(`basemap, clusters, markers and territories at country and metro zoom (${theme}, DPR ${dpr})`, async () => {
    const s = await launch(newProfileDir());
    try {
      const { page, problems } = await openMap(s, { dpr });
      await dispatch(page, { op: 'set_theme', theme });
      const st0 = await dispatch(page, { op: 'map_state' });
      assert.equal(st0.data.error, '', 'every map asset loads');
      assert.equal(st0.data.basemap, 3231, 'every county of the Census atlas');
      assert.ok(st0.data.places > 15000, `${st0.data.places} places`);
      assert.ok(st0.data.zips > 40000, `${st0.data.zips} ZIP centroids`);
      assert.equal(st0.shown, 300, 'the sample plan\'s accounts are all on the map');

      await dispatch(page, { op: 'map_view', lat: 38.5, lon: -96.5, zoom: 12.6 });
      await settle(page, 4);
      let st = await dispatch(page, { op: 'map_state' });
      assert.ok(st.km_across > 2500, `the whole country is in view (${Math.round(st.km_across)} km)`);
      assert.equal(st.clustered, true);
      await screenshot(page, `map-country-${theme}-dpr${dpr}`);
      assert.ok(await canvasColours(page) > 40);

      await dispatch(page, { op: 'map_view', lat: 39.99, lon: -82.98, zoom: 18.6 });
      await settle(page, 4);
      st = await dispatch(page, { op: 'map_state' });
      assert.ok(st.km_across > 30 && st.km_across < 120, `metro scale (${Math.round(st.km_across)} km)`);
      assert.ok(st.clusters > 10, `${st.clusters} clusters at metro zoom`);
      await screenshot(page, `map-metro-${theme}-dpr${dpr}`);

      await dispatch(page, { op: 'map_view', lat: 39.965, lon: -83.0, zoom: 25.4 });
      await settle(page, 4);
      st = await dispatch(page, { op: 'map_state' });
      assert.ok(st.km_across < 2, `about a kilometre across (${st.km_across.toFixed(2)} km)`);
      assert.equal(st.clustered, false);
      await screenshot(page, `map-close-${theme}-dpr${dpr}`);
      assert.deepEqual(problems.console, []);
      assert.deepEqual(problems.requests, []);
    } finally { await s.close(); }
  });
}

test('Shift-drag box and lasso select with the mouse; the Accounts view shows the same selection', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    await dispatch(page, { op: 'map_view', lat: 39.98, lon: -83.0, zoom: 19.2 });
    await settle(page, 4);
    const { canvas } = await dispatch(page, { op: 'map_state' });
    const box = { x0: canvas.x + 200, y0: canvas.y + 150, x1: canvas.x + 620, y1: canvas.y + 520 };
    const positions = await accountPositions(page);
    const expected = positions.filter((p) => p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1)
      .map((p) => p.id).sort();
    assert.ok(expected.length >= 20, `${expected.length} accounts in the box`);

    await page.mouse.move(box.x0, box.y0);
    await page.keyboard.down('Shift');
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x0 + (box.x1 - box.x0) * i / 8, box.y0 + (box.y1 - box.y0) * i / 8);
    await settle(page, 2);
    await screenshot(page, 'map-box-select-dragging');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await settle(page, 3);
    let st = await state(page);
    assert.deepEqual([...st.selection].sort(), expected, 'the box selects exactly the accounts inside it');
    await screenshot(page, 'map-box-selected');

    // Lasso: L, then draw a triangle.
    await page.keyboard.press('l');
    await settle(page, 2);
    assert.equal((await dispatch(page, { op: 'map_state' })).tool, 'lasso');
    const tri = [{ x: canvas.x + 150, y: canvas.y + 600 }, { x: canvas.x + 700, y: canvas.y + 120 },
      { x: canvas.x + 760, y: canvas.y + 640 }];
    const lassoExpected = positions.filter((p) => inPolygon(p, tri)).map((p) => p.id).sort();
    assert.ok(lassoExpected.length >= 20, `${lassoExpected.length} accounts in the lasso`);
    await page.mouse.move(tri[0].x, tri[0].y);
    await page.mouse.down();
    for (const [a, b] of [[0, 1], [1, 2], [2, 0]])
      for (let i = 1; i <= 12; i++)
        await page.mouse.move(tri[a].x + (tri[b].x - tri[a].x) * i / 12, tri[a].y + (tri[b].y - tri[a].y) * i / 12);
    await settle(page, 2);
    await screenshot(page, 'map-lasso-drawing');
    await page.mouse.up();
    await settle(page, 3);
    st = await state(page);
    // Points within a pixel of the lasso's edge may fall either way (the app samples the path).
    const near = (id) => {
      const p = positions.find((q) => q.id === id);
      return tri.some((a, i) => {
        const b = tri[(i + 1) % 3];
        const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / ((b.x - a.x) ** 2 + (b.y - a.y) ** 2)));
        return Math.hypot(a.x + t * (b.x - a.x) - p.x, a.y + t * (b.y - a.y) - p.y) < 3;
      });
    };
    const got = new Set(st.selection);
    const diff = [...lassoExpected.filter((id) => !got.has(id)), ...[...got].filter((id) => !lassoExpected.includes(id))];
    assert.ok(diff.every(near), `lasso selection differs only at the edge (${diff.length} differ)`);
    assert.ok(st.selection.length >= lassoExpected.length - 2);

    await dispatch(page, { op: 'set_view', view: 'Accounts' });
    await settle(page, 4);
    const after = await state(page);
    assert.equal(after.view, 'Accounts');
    assert.deepEqual(after.selection, st.selection, 'the Accounts view has the same selection');
    await screenshot(page, 'map-selection-in-accounts');
  } finally { await s.close(); }
});

test('the wheel and a pinch (Ctrl+wheel) zoom about the pointer; + and - about the centre', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    await dispatch(page, { op: 'map_view', lat: 39.99, lon: -82.98, zoom: 17 });
    await settle(page, 3);
    const { canvas } = await dispatch(page, { op: 'map_state' });
    // Whole pixels: mouse events carry integer coordinates.
    const p0 = { x: Math.round(canvas.x + canvas.w * 0.3), y: Math.round(canvas.y + canvas.h * 0.7) };
    const anchor = await dispatch(page, { op: 'map_latlon_at', ...p0 });
    await page.mouse.move(p0.x, p0.y);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
    await page.waitForTimeout(800);
    await settle(page, 3);
    let st = await dispatch(page, { op: 'map_state' });
    assert.ok(st.zoom > 18.8 && st.zoom < 19.2, `four notches zoom in by 2 (${st.zoom})`);
    let p1 = await dispatch(page, { op: 'map_screen', ...anchor });
    assert.ok(Math.hypot(p1.x - p0.x, p1.y - p0.y) < 2, `the point under the pointer stays under it (${JSON.stringify([p0, p1, st.zoom])})`);
    // A touchpad pinch arrives as small Ctrl+wheel steps; the page itself must not zoom.
    await page.keyboard.down('Control');
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 10);
    await page.keyboard.up('Control');
    await page.waitForTimeout(800);
    await settle(page, 3);
    st = await dispatch(page, { op: 'map_state' });
    assert.ok(st.zoom > 18.3 && st.zoom < 18.7, `the pinch zoomed out by half a step (${st.zoom})`);
    p1 = await dispatch(page, { op: 'map_screen', ...anchor });
    assert.ok(Math.hypot(p1.x - p0.x, p1.y - p0.y) < 2, 'about the pointer too');
    assert.equal(await page.evaluate(() => window.visualViewport.scale * window.devicePixelRatio), 1, 'the browser did not zoom the page');
    await page.keyboard.press('Equal');
    await page.waitForTimeout(800);
    await settle(page, 3);
    assert.ok((await dispatch(page, { op: 'map_state' })).zoom > st.zoom + 0.9, '+ zooms in');
  } finally { await s.close(); }
});

test('hovering an account shows its tooltip; clicking selects and opens it', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    const acc = await page.evaluate(() => {
      const p = window.footprint.plan();
      return p.accounts.find((a) => a.location && a.status === 'client' && a.services.length > 0);
    });
    await dispatch(page, { op: 'map_view', lat: acc.location.lat, lon: acc.location.lon, zoom: 24.5 });
    await settle(page, 4);
    const at = await dispatch(page, { op: 'map_screen', lat: acc.location.lat, lon: acc.location.lon });
    await page.mouse.move(at.x + 1, at.y + 1);
    await settle(page, 6);
    await screenshot(page, 'map-tooltip');
    await page.mouse.click(at.x, at.y);
    await settle(page, 3);
    const st = await state(page);
    assert.deepEqual(st.selection, [acc.id]);
    await screenshot(page, 'map-account-open');
  } finally { await s.close(); }
});

test('a territory from counties, assigned by location in one undoable step', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    const before = await state(page);
    // Franklin and Delaware counties, Ohio.
    const r = await dispatch(page, { op: 'map_territory_from_counties', fips: ['39049', '39041'], name: 'Franklin + Delaware' });
    assert.equal(r.ok, true, r.error);
    let st = await state(page);
    assert.equal(st.plan.territories, before.plan.territories + 1);
    const t = await page.evaluate((id) => window.footprint.plan().territories.find((x) => x.id === id), r.id);
    assert.deepEqual(t.counties, ['39049', '39041']);
    assert.equal(t.polygons.length, 1, 'two neighbouring counties merge into one outline');
    await dispatch(page, { op: 'map_view', lat: 40.15, lon: -83.0, zoom: 17.6 });
    await settle(page, 4);
    await screenshot(page, 'map-territory-counties');

    const revision = st.revision;
    const a = await dispatch(page, { op: 'map_assign_territories' });
    assert.ok(a.moved > 0, `${a.moved} accounts moved`);
    st = await state(page);
    assert.equal(st.undo_depth, before.undo_depth + 2, 'the assignment is one undo step');
    const assigned = await page.evaluate((id) => window.footprint.plan().accounts.filter((x) => x.territory_id === id).length, r.id);
    assert.ok(assigned >= a.moved - 50 && assigned > 0);
    await dispatch(page, { op: 'undo' });
    const undone = await page.evaluate((id) => window.footprint.plan().accounts.filter((x) => x.territory_id === id).length, r.id);
    assert.equal(undone, 0, 'undo restores the previous assignment');
    assert.ok((await state(page)).revision > revision);

    const z = await dispatch(page, { op: 'map_territory_from_zips', zips: '43215, 43201\n43202 99999', name: 'Downtown ZIPs' });
    assert.equal(z.ok, true, z.error);
    const zt = await page.evaluate((id) => window.footprint.plan().territories.find((x) => x.id === id), z.id);
    assert.deepEqual(zt.zip_codes, ['43215', '43201', '43202']);
    assert.ok(zt.polygons.length >= 1);
  } finally { await s.close(); }
});

test('a bad or empty GeoJSON is refused with the reason and changes nothing; a good one imports', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page, problems } = await openMap(s);
    const before = await state(page);
    const bad = [
      ['broken.geojson', '{"type":"FeatureCollection","features":[', /not valid JSON/],
      ['points.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-83, 40] } }] }), /no polygons/],
      ['projected.geojson', JSON.stringify({ type: 'Polygon', coordinates: [[[500000, 4400000], [510000, 4400000], [510000, 4410000], [500000, 4400000]]] }), /not a longitude and latitude/],
    ];
    for (const [name, text, why] of bad) {
      const r = await dispatch(page, { op: 'map_import_shapes', file_name: name, text });
      assert.equal(r.ok, false, name);
      assert.match(r.error, why);
      assert.match(r.error, new RegExp(`^${name.replace('.', '\\.')}: `), 'the error names the file');
    }
    // An absurdly large file (9 MB, 300,000 points) through the file input, as the picker hands it over.
    const huge = JSON.stringify({ type: 'Polygon', coordinates: [Array.from({ length: 300000 }, (_, i) => [-83 + i * 1e-6, 40 + (i % 2) * 1e-3])] });
    await page.evaluate(() => { document.getElementById('file-input').dataset.purpose = 'territory-shapes'; });
    await page.setInputFiles('#file-input', { name: 'huge.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(huge) });
    await page.waitForFunction(() => window.footprint.state().notices.some((n) => /huge\.geojson/.test(n.title)), null, { timeout: 20000 });
    const after = await state(page);
    assert.equal(after.revision, before.revision, 'the plan did not change');
    assert.equal(after.plan.territories, before.plan.territories);
    const notice = after.notices.at(-1);
    assert.match(notice.title, /Could not import huge\.geojson/);
    assert.match(notice.details[0], /more than 250,000 points/);
    await settle(page, 3);
    await screenshot(page, 'map-bad-geojson');

    const good = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Imported area', fill: '#D55E00' },
      geometry: { type: 'Polygon', coordinates: [[[-83.1, 39.9], [-82.9, 39.9], [-82.9, 40.05], [-83.1, 40.05], [-83.1, 39.9]]] } }] };
    const r = await dispatch(page, { op: 'map_import_shapes', file_name: 'areas.geojson', text: JSON.stringify(good) });
    assert.equal(r.ok, true, r.error);
    assert.equal((await state(page)).plan.territories, before.plan.territories + 1);
    await dispatch(page, { op: 'undo' });
    assert.equal((await state(page)).plan.territories, before.plan.territories, 'undo removes the import');
    assert.deepEqual(problems.console.filter((m) => !/map data/.test(m)), []);
  } finally { await s.close(); }
});

test('a territory vertex dragged with the mouse moves, and undo puts it back', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    const t = await page.evaluate(() => window.footprint.plan().territories[0]);
    await dispatch(page, { op: 'map_tool', tool: 'select', edit_territory: t.id });
    const v = t.polygons[0][0][0]; // [lon, lat]
    await dispatch(page, { op: 'map_view', lat: v[1], lon: v[0], zoom: 19 });
    await settle(page, 3);
    const at = await dispatch(page, { op: 'map_screen', lat: v[1], lon: v[0] });
    const before = await state(page);
    await page.mouse.move(Math.round(at.x), Math.round(at.y));
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(Math.round(at.x) + 6 * i, Math.round(at.y) + 4 * i);
    await page.mouse.up();
    await settle(page, 3);
    await screenshot(page, 'map-vertex-dragged');
    const moved = await page.evaluate((id) => window.footprint.plan().territories.find((x) => x.id === id), t.id);
    const target = await dispatch(page, { op: 'map_latlon_at', x: Math.round(at.x) + 60, y: Math.round(at.y) + 40 });
    assert.ok(Math.abs(moved.polygons[0][0][0][0] - target.lon) < 1e-4 && Math.abs(moved.polygons[0][0][0][1] - target.lat) < 1e-4,
      'the vertex follows the pointer');
    assert.equal(moved.polygons[0][0].length, t.polygons[0][0].length);
    const st = await state(page);
    assert.equal(st.undo_depth, before.undo_depth + 1, 'one drag is one undo step');
    assert.equal((await dispatch(page, { op: 'map_state' })).center.lat.toFixed(6), v[1].toFixed(6), 'dragging a vertex does not pan');
    await dispatch(page, { op: 'undo' });
    const back = await page.evaluate((id) => window.footprint.plan().territories.find((x) => x.id === id), t.id);
    assert.deepEqual(back.polygons, t.polygons);
  } finally { await s.close(); }
});

test('accounts without coordinates are listed and placed at their ZIP centroid in one step', async () => {
  const s = await launch(newProfileDir());
  try {
    const { page } = await openMap(s);
    const plan = await page.evaluate(() => window.footprint.plan());
    const unplaced = plan.accounts.slice(0, 3).map((a) => a.id);
    for (const a of plan.accounts.slice(0, 3)) { delete a.location; a.location_approximate = false; }
    plan.accounts[2].address.postal_code = '99999'; // no such ZIP code
    const opened = await dispatch(page, { op: 'open_plan_text', file_name: 'unplaced.footprint.json', text: JSON.stringify(plan) });
    assert.equal(opened.ok, true);
    await dispatch(page, { op: 'set_view', view: 'Map' });
    await dispatch(page, { op: 'map_layers', side_tab: 1 });
    await settle(page, 4);
    let st = await dispatch(page, { op: 'map_state' });
    assert.equal(st.without_location, 3);
    await screenshot(page, 'map-to-place');
    const depth = (await state(page)).undo_depth;
    const r = await dispatch(page, { op: 'map_place_at_zip' });
    assert.equal(r.placed, 2);
    const after = await page.evaluate(() => window.footprint.plan());
    for (const id of unplaced.slice(0, 2)) {
      const a = after.accounts.find((x) => x.id === id);
      assert.ok(a.location, `${a.name} is placed`);
      assert.equal(a.location_approximate, true);
    }
    assert.equal(after.accounts.find((x) => x.id === unplaced[2]).location, undefined, 'an unknown ZIP stays unplaced');
    assert.equal((await state(page)).undo_depth, depth + 1, 'one undo step');
    st = await dispatch(page, { op: 'map_state' });
    assert.equal(st.without_location, 1);
  } finally { await s.close(); }
});
