// Preloaded into the measured process by rusage-runner.ts: prints its peak RSS when it exits.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`lac-bench-rss-kb: ${u.maxRSS}\nlac-bench-user-us: ${u.userCPUTime}\nlac-bench-system-us: ${u.systemCPUTime}\n`);
});
