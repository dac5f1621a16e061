// Preloaded into a benchmarked server (node --require): measures its main thread's event-loop
// delay with perf_hooks.monitorEventLoopDelay. On SIGUSR2 it writes what it saw since the last
// signal to $FIXOPS_ELD_FILE as JSON (milliseconds of delay beyond the 5 ms sampling interval)
// and starts again. A --require preload is CommonJS, so it reads process.env itself instead of
// @fixops/config (an ESM package); the variable is listed in the config table all the same.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const file = process.env.FIXOPS_ELD_FILE;
if (file) {
  const RESOLUTION_MS = 5;
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  const lag = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify({ p50: lag(h.percentile(50)), p99: lag(h.percentile(99)), max: lag(h.max), samples: h.count }));
    h.reset();
  });
}
