// Preloaded into a benchmarked process: writes its peak resident set size (KiB) to $FIXOPS_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.FIXOPS_RSS_FILE) writeFileSync(process.env.FIXOPS_RSS_FILE, String(process.resourceUsage().maxRSS));
});
