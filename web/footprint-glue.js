// The little JavaScript the page needs: WebGL2 check, loading state, IndexedDB sync, file
// download/upload, page visibility and network state, the service worker and its update prompt,
// and the test API (window.footprint).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  function hasWebGL2() {
    try {
      const c = document.createElement('canvas');
      return !!(window.WebGL2RenderingContext && c.getContext('webgl2'));
    } catch (e) {
      return false;
    }
  }

  if (!hasWebGL2()) {
    $('loading').hidden = true;
    $('nowebgl').hidden = false;
    return;
  }

  function setLoading(text, fraction) {
    if (text) $('loading-text').textContent = text;
    if (fraction !== undefined) $('loading-bar').style.width = Math.round(5 + 95 * fraction) + '%';
  }

  // IDBFS's own reconcile loses IndexedDB failures: its error handlers read `this.error` from
  // arrow functions (undefined, so a failed write reports success) and an aborted transaction,
  // which is how a full disk shows, calls nobody back (the save stays "saving" for ever). An
  // error in one file also left the others committed. This one makes a sync all or nothing:
  // any failure aborts the transaction, and the callback runs exactly once with the real error.
  function reconcile(src, dst, callback) {
    const create = [], remove = [];
    for (const key of Object.keys(src.entries)) {
      const e = src.entries[key], e2 = dst.entries[key];
      if (!e2 || e.timestamp.getTime() !== e2.timestamp.getTime()) create.push(key);
    }
    for (const key of Object.keys(dst.entries)) if (!src.entries[key]) remove.push(key);
    if (!create.length && !remove.length) { callback(null); return; }
    let done = false, failed = null, tx;
    const finish = (err) => { if (!done) { done = true; callback(err); } };
    const db = src.type === 'remote' ? src.db : dst.db;
    try {
      tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
    } catch (e) { finish(e); return; }
    const fail = (err) => {
      if (failed) return;
      failed = err || new Error('IndexedDB request failed');
      try { tx.abort(); } catch (e) { /* already finished */ }
    };
    tx.oncomplete = () => finish(failed);
    tx.onabort = () => finish(tx.error || failed || new DOMException('The save was aborted', 'AbortError'));
    tx.onerror = (e) => { e.preventDefault(); fail(e.target && e.target.error); };
    const store = tx.objectStore(IDBFS.DB_STORE_NAME);
    const request = (make) => {
      try {
        const req = make();
        req.onerror = (e) => { e.preventDefault(); e.stopPropagation(); fail(req.error); };
      } catch (e) { fail(e); }
    };
    // Directories before the files in them; files removed before their directories.
    for (const path of create.sort()) {
      if (dst.type === 'local') {
        const req = store.get(path);
        req.onsuccess = () => IDBFS.storeLocalEntry(path, req.result, (err) => { if (err) fail(err); });
        req.onerror = (e) => { e.preventDefault(); e.stopPropagation(); fail(req.error); };
      } else {
        IDBFS.loadLocalEntry(path, (err, entry) => {
          // A file removed since the sync began (an old save pruned) is left to the next sync.
          if (err && err.errno === 44 /* ENOENT */) return;
          if (err) { fail(err); return; }
          request(() => store.put(entry, path));
        });
      }
    }
    for (const path of remove.sort().reverse()) {
      if (dst.type === 'local') IDBFS.removeLocalEntry(path, (err) => { if (err) fail(err); });
      else request(() => store.delete(path));
    }
  }

  // Called from C++ (src/platform/web_*.cpp) through EM_JS stubs.
  const glue = {
    setLoading,
    hideLoading() {
      $('loading').hidden = true;
      registerServiceWorker(); // after the first frame: installing fetches the app once more
    },

    // "Reload" in the new-version banner, once the plan is saved: the waiting worker takes over
    // and the page reloads on the build it installed whole.
    applyUpdate() {
      updateRequested = true;
      const waiting = swRegistration && swRegistration.waiting;
      if (!waiting) { location.reload(); return; }
      waiting.postMessage({ type: 'skip-waiting' });
      setTimeout(() => location.reload(), 5000); // it never took over: reload on what there is
    },

    // Called by main() once the app exists (onRuntimeInitialized runs before main: telling the
    // app anything then wrote through a null pointer).
    mountStorage() {
      appStarted = true;
      reportOnline();
      reportUpdate();
      IDBFS.reconcile = reconcile;
      FS.mkdir('/footprint');
      FS.mount(IDBFS, {}, '/footprint');
      const started = performance.now();
      FS.syncfs(true, (err) => {
        if (err) console.warn('footprint: reading browser storage failed', err);
        Module._footprint_storage_loaded(err ? 1 : 0, performance.now() - started);
      });
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then((granted) => Module._footprint_storage_persisted(granted ? 1 : 0),
                                         () => Module._footprint_storage_persisted(0));
      }
      glue.estimateStorage();
    },

    // One syncfs(false) at a time is guaranteed by the C++ side (SaveScheduler).
    sync() {
      FS.syncfs(false, (err) => {
        let kind = 0, message = '';
        if (err) {
          const name = (err && (err.name || (err.target && err.target.error && err.target.error.name))) || '';
          kind = /Quota/i.test(name) || /quota/i.test(String(err && err.message)) ? 1 : 2;
          message = name || String(err);
        }
        Module.ccall('footprint_storage_synced', null, ['number', 'string'], [kind, message]);
        glue.estimateStorage();
      });
    },

    estimateStorage() {
      if (!(navigator.storage && navigator.storage.estimate)) return;
      navigator.storage.estimate().then((e) => Module._footprint_storage_estimate(e.usage || 0, e.quota || 0),
                                        () => {});
    },

    download(name, mime, ptr, len) {
      const bytes = HEAPU8.slice(ptr, ptr + len);
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },

    // `purpose` travels with the chosen file back to C++ (ui/files.cpp routes it); `multiple`
    // lets the person choose several, each delivered on its own.
    openFilePicker(purpose, accept, multiple) {
      const input = $('file-input');
      input.value = '';
      input.accept = accept || '';
      input.multiple = !!multiple;
      input.dataset.purpose = purpose || '';
      input.click();
    },
  };
  window.FootprintGlue = glue;

  // Offline: the service worker (web/sw.js.in) keeps the whole app, so after one visit the page
  // opens with no network. A new build it installs waits until the person reloads from the banner.
  let swRegistration = null, updateRequested = false, updateReady = false;
  function reportUpdate() { if (appStarted && updateReady) Module._footprint_update_ready(); }
  function watchRegistration(reg) {
    swRegistration = reg;
    const check = () => {
      if (reg.waiting && navigator.serviceWorker.controller) { updateReady = true; reportUpdate(); }
    };
    check();
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') check(); });
    });
    // A page left open for days still hears of new builds.
    setInterval(() => reg.update().catch(() => {}), 30 * 60 * 1000);
    window.addEventListener('online', () => reg.update().catch(() => {}));
  }
  let swStarted = false;
  function registerServiceWorker() {
    if (swStarted || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    swStarted = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => { if (updateRequested) location.reload(); });
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(watchRegistration, () => {
      // Offline, the update check fails but the installed worker still serves the page.
      navigator.serviceWorker.getRegistration().then((reg) => { if (reg) watchRegistration(reg); });
    });
  }

  // A file chosen or dropped is copied into the in-memory file system, then handed to C++.
  let incoming = 0;
  function deliverFile(file, purpose) {
    file.arrayBuffer().then((buf) => {
      const dir = '/incoming';
      try { FS.mkdir(dir); } catch (e) { /* exists */ }
      const path = `${dir}/${++incoming}`;
      FS.writeFile(path, new Uint8Array(buf));
      Module.ccall('footprint_file_opened', null, ['string', 'string', 'string'], [path, file.name, purpose]);
    }, (err) => Module.ccall('footprint_file_failed', null, ['string', 'string'], [file.name, String(err)]));
  }
  $('file-input').addEventListener('change', (e) => {
    for (const file of e.target.files || []) deliverFile(file, e.target.dataset.purpose || '');
  });
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files && e.dataTransfer.files[0]) deliverFile(e.dataTransfer.files[0], '');
  });

  let runtimeReady = false; // Module._* exist before the runtime has started; calling them throws
  let appStarted = false;   // and the app they talk to exists only once main() has run
  function ready() { return runtimeReady && Module._footprint_ready() === 1; }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && ready()) Module._footprint_page_hidden();
  });
  window.addEventListener('pagehide', () => { if (ready()) Module._footprint_page_hidden(); });
  const reportOnline = () => { if (appStarted) Module._footprint_set_online(navigator.onLine ? 1 : 0); };
  window.addEventListener('online', reportOnline);
  window.addEventListener('offline', reportOnline);

  // The test API: thin wrappers over the same C++ entry points the UI uses.
  const call = (name, arg) => JSON.parse(arg === undefined
    ? Module.ccall(name, 'string', [], [])
    : Module.ccall(name, 'string', ['string'], [JSON.stringify(arg)]));
  window.footprint = {
    ready,
    state: () => call('footprint_state'),
    frameStats: () => call('footprint_frame_stats'),
    plan: () => call('footprint_plan_json'),
    dispatch: (command) => call('footprint_dispatch', command),
    resetFrameStats: () => Module._footprint_reset_frame_stats(),
    // WebAssembly linear memory (and how much of it malloc has in use) plus the JavaScript heap
    // (IDBFS keeps the stored files there).
    memory: () => ({ wasm: wasmMemory.buffer.byteLength, heap: Module._footprint_heap_used(),
                     js: performance.memory ? performance.memory.usedJSHeapSize : 0 }),
    // The service worker: whether it serves this page, and the build it holds.
    serviceWorker: async () => {
      const sw = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (!sw) return { controlled: false, build: '' };
      const build = await new Promise((resolve) => {
        const onMessage = (e) => {
          if (e.data && e.data.type === 'build') {
            navigator.serviceWorker.removeEventListener('message', onMessage);
            resolve(e.data.build);
          }
        };
        navigator.serviceWorker.addEventListener('message', onMessage);
        navigator.serviceWorker.startMessages(); // addEventListener alone leaves them queued
        sw.postMessage({ type: 'build' });
        setTimeout(() => resolve(''), 15000); // a worker starting up on a loaded machine is slow
      });
      return { controlled: true, build, updateReady };
    },
  };

  window.Module = {
    canvas: $('canvas'),
    locateFile: (path) => path,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) setLoading('Loading the planner…', 0.8 * Number(m[1]) / Number(m[2]));
    },
    onRuntimeInitialized: () => {
      runtimeReady = true;
      setLoading('Opening your plan…', 0.85);
    },
  };
  const script = document.createElement('script');
  script.src = 'footprint.js';
  script.onerror = () => setLoading('Could not load footprint.js: reload the page to try again.');
  document.body.appendChild(script);
})();
