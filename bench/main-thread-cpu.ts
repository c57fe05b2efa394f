// `node --import ./bench/main-thread-cpu.ts bin/lac.js ...`: at exit, writes the CPU time of the main
// thread alone to stderr (Linux /proc). lac diff reads large unchanged files in a worker thread: on a
// machine with a free core its wall time follows the main thread's CPU, which the load of other
// processes does not inflate as it does wall time.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  try {
    // Fields 14 and 15 of /proc/<pid>/task/<tid>/stat: user and system time in clock ticks (1/100 s).
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    process.stderr.write(`lac-bench-main-cpu-ms: ${(Number(fields[11]) + Number(fields[12])) * 10}\n`);
  } catch {
    // not Linux: no figure
  }
});
