// The main job on the bundled example organization: no token, no network.
// Runs the commands a license manager runs, on inventory/ as of the example's "today".
import { run } from '../src/cli/program.ts';
import { processIo } from '../src/cli/io.ts';

const TODAY = '2026-11-23';
const io = processIo();
const steps: string[][] = [['check', '--today', TODAY]];

let worst = 0;
for (const args of steps) {
  io.out(`\n$ lac ${args.join(' ')}\n`);
  const code = await run(args, io);
  if (code > 1) worst = code;
}
process.exitCode = worst;
