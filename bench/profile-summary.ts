// Summarises a V8 CPU profile (from `node --cpu-prof`): self and inclusive time per function.
// `node bench/profile-summary.ts DIR_OR_FILE [N]`
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const arg = process.argv[2] ?? '.';
const top = Number(process.argv[3] ?? 40);
const file = statSync(arg).isDirectory() ? join(arg, readdirSync(arg).find((f) => f.endsWith('.cpuprofile'))!) : arg;
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const selfTime = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
  total += dt;
});
const self = new Map<string, number>();
const incl = new Map<string, number>();
for (const [id, t] of selfTime) {
  self.set(name(byId.get(id)!), (self.get(name(byId.get(id)!)) ?? 0) + t);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + t);
  }
}
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${(t / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
};
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms\n`);
print('--- self', self);
print('--- inclusive', incl);
