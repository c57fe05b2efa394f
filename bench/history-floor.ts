// The floor of the history benchmark, run as its own process: `git log -p --first-parent` over
// the inventory, read to the end by node (what any reader of the patches must at least pay).
import { spawn } from 'node:child_process';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/history-floor.ts REPO');
const child = spawn('git', ['log', '-p', '--first-parent', '--diff-merges=first-parent', '--no-color', 'HEAD', '--', 'inventory/'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
let bytes = 0;
child.stdout.on('data', (b: Buffer) => (bytes += b.length));
child.on('close', (code) => {
  process.stderr.write(`floor: ${bytes} bytes of patches\n`);
  process.exitCode = code ?? 1;
});
