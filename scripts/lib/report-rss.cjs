// Preloaded into a benchmarked process: writes its peak resident set size (KiB) to $FIXOPS_RSS_FILE at exit.
// CommonJS (--require), so it reads process.env itself rather than @fixops/config (ESM); listed in its table.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.FIXOPS_RSS_FILE) writeFileSync(process.env.FIXOPS_RSS_FILE, String(process.resourceUsage().maxRSS));
});
