// The little JavaScript the page needs: WebGL2 check, loading state, IndexedDB sync, file
// download/upload, page visibility and network state, and the test API (window.footprint).
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

  // Called from C++ (src/platform/web_*.cpp) through EM_JS stubs.
  const glue = {
    setLoading,
    hideLoading() { $('loading').hidden = true; },

    mountStorage() {
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
  function ready() { return runtimeReady && Module._footprint_ready() === 1; }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && ready()) Module._footprint_page_hidden();
  });
  window.addEventListener('pagehide', () => { if (ready()) Module._footprint_page_hidden(); });
  const reportOnline = () => { if (runtimeReady) Module._footprint_set_online(navigator.onLine ? 1 : 0); };
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
    // WebAssembly linear memory plus the JavaScript heap (IDBFS keeps files there).
    memory: () => ({ wasm: wasmMemory.buffer.byteLength,
                     js: performance.memory ? performance.memory.usedJSHeapSize : 0 }),
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
    onRuntimeInitialized: () => { runtimeReady = true; setLoading('Opening your plan…', 0.85); reportOnline(); },
  };
  const script = document.createElement('script');
  script.src = 'footprint.js';
  script.onerror = () => setLoading('Could not load footprint.js: reload the page to try again.');
  document.body.appendChild(script);
})();
