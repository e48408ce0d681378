// End-to-end harness: serves build/wasm, starts Debian's Chromium headless with software WebGL
// (launched by us, so a test can SIGKILL it and restart on the same profile), connects
// playwright-core over CDP, and records console errors and failed requests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const APP_DIR = process.env.FOOTPRINT_APP_DIR || path.join(ROOT, 'build/wasm');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless=new', '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--no-default-browser-check', '--disable-dev-shm-usage',
  '--remote-debugging-port=0',
];

// Chromium's own background services, which it calls on its own schedule whatever page is open
// (even about:blank) and the flags above do not all stop: time sync, component updates, sign-in
// cookies, optimisation hints. Exact host names, so that a page reaching for Google Fonts
// (fonts.googleapis.com) or any other Google host is still caught.
const BROWSER_SERVICE_HOSTS = new Set(['accounts.google.com', 'clients2.google.com',
  'update.googleapis.com', 'optimizationguide-pa.googleapis.com']);
const browserService = (url) => BROWSER_SERVICE_HOSTS.has(new URL(url).hostname);

// A static server on a free port, in-process. It records every request it gets (`requests`), and
// can act as the browser's proxy (launch(..., { proxy: server })) so that it sees every request the
// browser makes, to any origin: requests for other origins are recorded and refused. `setDir`
// serves another build; `setOffline(true)` cuts the network (every connection is dropped). A
// request marked `browser` is Chromium's own background traffic, not the page's.
export async function startServer(dir = APP_DIR) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
    '.wasm': 'application/wasm', '.json': 'application/json', '.data': 'application/octet-stream',
    '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
  let root = dir, offline = false, origin = '';
  const requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    // As a proxy the request line holds the whole URL; as a server, only the path.
    const full = new URL(req.url, `http://${req.headers.host}`);
    requests.push({ method: req.method, url: full.href, origin: full.origin, time: Date.now(), offline,
      browser: browserService(full.href) });
    if (offline) { req.socket.destroy(); return; }
    if (full.origin !== origin) { res.writeHead(502).end(); return; }
    let rel = decodeURIComponent(full.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  // HTTPS (and anything tunnelled) through the proxy: never one of ours.
  server.on('connect', (req, socket) => {
    const url = `https://${req.url}/`;
    requests.push({ method: 'CONNECT', url, origin: `https://${req.url}`, time: Date.now(), offline,
      browser: browserService(url) });
    socket.destroy();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  const url = `${origin}/`;
  return {
    url, origin, requests,
    setDir(d) { root = d; },
    setOffline(on) {
      offline = on;
      if (on) for (const s of sockets) s.destroy();
    },
    close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(r); }),
  };
}

export function newProfileDir(name = 'profile') {
  return fs.mkdtempSync(path.join(os.tmpdir(), `footprint-${name}-`));
}

// Starts Chromium on `profile` and connects to it. `extraFlags` e.g. ['--disable-3d-apis'].
// `proxy`: a server from startServer that every request of the browser goes through (loopback too).
export async function launch(profile, { extraFlags = [], proxy = null } = {}) {
  const proxyFlags = proxy ? [`--proxy-server=${proxy.origin}`, '--proxy-bypass-list=<-loopback>'] : [];
  const proc = spawn(CHROMIUM, [...FLAGS, ...proxyFlags, ...extraFlags, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const wsUrl = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${buf.slice(-2000)}`)), 30000);
    proc.stderr.on('data', (d) => {
      buf += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}): ${buf.slice(-2000)}`)); });
  });
  proc.stderr.removeAllListeners('data');
  proc.stderr.resume();
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0];
  return {
    browser, context, proc,
    async close() {
      try { await browser.close(); } catch { /* already gone */ }
      await killProcess(proc, 'SIGTERM');
    },
    async kill() { await killProcess(proc, 'SIGKILL'); },
  };
}

async function killProcess(proc, signal) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  try { process.kill(-proc.pid, signal); } catch { try { proc.kill(signal); } catch { /* gone */ } }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

// Puts the page's network offline (or back): navigator.onLine follows, and it lasts across
// reloads. (Playwright's context.setOffline does not last across a reload over CDP.)
export async function setOffline(cdp, offline) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

// Opens the app in a new page and records problems. `viewport` in CSS pixels; `offline` opens it
// with the network already cut.
export async function openApp(session, url, { viewport = { width: 1440, height: 900 }, dpr = 1, offline = false } = {}) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: viewport.width, height: viewport.height, deviceScaleFactor: dpr, mobile: false });
  if (offline) await setOffline(cdp, true);
  const problems = { console: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('requestfailed', (r) => problems.requests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.requests.push(`${r.url()}: HTTP ${r.status()}`); });
  await page.goto(url);
  return { page, cdp, problems };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.footprint && window.footprint.ready(), null, { timeout });
}

export const state = (page) => page.evaluate(() => window.footprint.state());
export const dispatch = (page, cmd) => page.evaluate((c) => window.footprint.dispatch(c), cmd);

// Waits until the plan is durable in IndexedDB (the status bar says saved).
export async function waitSaved(page, timeout = 10000) {
  await page.waitForFunction(() => {
    const s = window.footprint.state();
    return s.save.state === 'saved' && s.save.last_saved !== '';
  }, null, { timeout });
}

// A few frames so a change is drawn before a screenshot.
// The app skips frames when nothing changes; "redraw" asks for fresh ones.
export async function settle(page, frames = 5) {
  await dispatch(page, { op: 'redraw' });
  const start = (await state(page)).frame;
  await page.waitForFunction((f) => window.footprint.state().frame >= f, start + frames, { timeout: 10000 });
}

export async function screenshot(page, name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Distinct colours in a screenshot of the canvas (a blank or failed canvas has one or two).
export async function canvasColours(page) {
  const png = await page.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}
