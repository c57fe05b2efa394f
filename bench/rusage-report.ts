// Preloaded into the measured process by rusage-runner.ts: prints its peak RSS when it exits.
process.on('exit', () => process.stderr.write(`lac-bench-rss-kb: ${process.resourceUsage().maxRSS}\n`));
