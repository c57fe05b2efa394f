// Fallback when GNU time is missing: runs `node args...` and reports the child's peak RSS
// (process.resourceUsage of this runner covers only itself, so the child reports on exit).
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', new URL('./rusage-report.ts', import.meta.url).href, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
