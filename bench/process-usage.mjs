// Preloaded (`node --import`) into each process `npm run bench:extract` times, newsgraph's and the
// baseline's alike: as the process exits, it writes its own CPU time and peak RSS to the file named by
// NEWSGRAPH_BENCH_USAGE. CPU time, unlike wall time, does not grow when other work shares the cores.
import { writeFileSync } from 'node:fs';

const file = process.env.NEWSGRAPH_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMiB: usage.maxRSS / 1024 }));
  });
}
