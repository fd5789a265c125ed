/**
 * Preloaded into a measured child (`node -r usage-probe.js …`): at exit it writes the process's
 * own peak memory and CPU time to $BENCH_USAGE_FILE. Node reports no child's resource usage, and
 * this needs no /usr/bin/time.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssMB: Math.round(u.maxRSS / 1024),
        cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000),
      }),
    );
  });
}
