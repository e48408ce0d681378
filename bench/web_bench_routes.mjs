// Page benchmark of route planning: in the real page (build/wasm), a 200-visit day optimized
// through the view's job (wall time until it applied, the compute time, the longest frame), a week
// planned from 200 candidates, and a 12-visit day (the exact solver, one slice). Median of --runs.
//
//   node bench/web_bench_routes.mjs [--runs 3]
import { startServer, launch, newProfileDir, openApp, waitReady, dispatch, settle } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;

function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// Starts what `start` dispatches, waits for the job to end, and returns the wall time, the job's
// compute time (sampled just before it ended) and the frame statistics meanwhile.
async function timeJob(page, start) {
  await settle(page, 3);
  await page.evaluate(() => window.footprint.resetFrameStats());
  const t0 = Date.now();
  await dispatch(page, start);
  const compute = await page.evaluate(() => new Promise((resolve) => {
    let last = 0;
    const poll = () => {
      const j = window.footprint.dispatch({ op: 'route_state' }).job;
      if (!j) return resolve(last);
      last = j.elapsed_ms;
      setTimeout(poll, 5);
    };
    poll();
  }));
  const wall = Date.now() - t0;
  const frames = await page.evaluate(() => window.footprint.frameStats());
  const done = await dispatch(page, { op: 'route_state' });
  return { wall, compute: done.last_job_ms || compute, max_frame: frames.max_ms, p99_frame: frames.p99_ms, frames: frames.window };
}

async function run() {
  const server = await startServer();
  const s = await launch(newProfileDir('bench-routes'));
  try {
    const { page } = await openApp(s, server.url);
    await waitReady(page);
    await dispatch(page, { op: 'load_synthetic', accounts: 2000, activities: 100, seed: 7 });
    const monday = addDays((await dispatch(page, { op: 'route_state' })).monday, 7);
    const located = await page.evaluate(() => window.footprint.plan().accounts.filter((a) => a.location).map((a) => a.id));

    // A 200-visit day.
    await dispatch(page, { op: 'route_add_visits', date: monday, accounts: located.slice(0, 200) });
    await dispatch(page, { op: 'week_view', mode: 'day', date: monday });
    const day = await timeJob(page, { op: 'route_optimize', date: monday });
    const after = await dispatch(page, { op: 'route_state', date: monday });
    day.kept = after.day.stops.length;
    day.left = after.day.unrouted.length;
    day.problems = after.day.problems;

    // A week from 200 candidates (the accounts selected, as the This week desk hands them over).
    await dispatch(page, { op: 'select', ids: located.slice(200, 400) });
    await dispatch(page, { op: 'week_view', mode: 'week', week_offset: 2 });
    await dispatch(page, { op: 'route_add_selected_candidates' });
    const week = await timeJob(page, { op: 'route_plan_week' });
    const prop = (await dispatch(page, { op: 'route_state' })).proposal;
    week.candidates = (await dispatch(page, { op: 'route_state' })).candidates;
    week.new_visits = prop ? prop.new_visits : 0;

    // A 12-visit day: solved exactly in one slice.
    const tuesday = addDays(monday, 1);
    await dispatch(page, { op: 'route_add_visits', date: tuesday, accounts: located.slice(400, 412) });
    await dispatch(page, { op: 'week_view', mode: 'day', date: tuesday });
    const exact = await timeJob(page, { op: 'route_optimize', date: tuesday });
    exact.kept = (await dispatch(page, { op: 'route_state', date: tuesday })).day.stops.length;
    return { day, week, exact };
  } finally { await s.close(); await server.close(); }
}

const results = [];
for (let i = 0; i < runs; i++) {
  const r = await run();
  results.push(r);
  console.error(JSON.stringify(r));
}
const pick = (k, f) => median(results.map((r) => r[k][f]));
const all = (k, f) => results.map((r) => Math.round(r[k][f])).join(', ');
console.log(`| measure | median of ${runs} | runs |`);
console.log('|---|---:|---|');
for (const [k, label] of [['day', '200-visit day'], ['week', 'week from 200 candidates'], ['exact', '12-visit day (exact)']]) {
  console.log(`| ${label}: optimized and applied (wall) | ${Math.round(pick(k, 'wall'))} ms | ${all(k, 'wall')} |`);
  console.log(`| ${label}: compute time of the job | ${Math.round(pick(k, 'compute'))} ms | ${all(k, 'compute')} |`);
  console.log(`| ${label}: longest frame meanwhile | ${Math.round(pick(k, 'max_frame'))} ms | ${all(k, 'max_frame')} |`);
}
console.log(`\n200-visit day: ${pick('day', 'kept')} visits fit the working day, ${pick('day', 'left')} listed with the reason; ` +
  `week: ${pick('week', 'new_visits')} new visits from ${pick('week', 'candidates')} candidates; 12-visit day: ${pick('exact', 'kept')} kept.`);
