// Child process of the benchmark: loads an inventory phase by phase and prints the time of each
// as JSON. `read` and `parse` together are the floor: what any check must at least pay.
import { runRules } from '../src/check/run.ts';
import { addToInventory } from '../src/inventory/build.ts';
import { classify } from '../src/inventory/layout.ts';
import { emptyInventory } from '../src/inventory/model.ts';
import { decodeFile } from '../src/inventory/parse/decode.ts';
import * as parse from '../src/inventory/parse/index.ts';
import { readInventoryFile } from '../src/inventory/read-file.ts';
import { KIND_INFO } from '../src/inventory/schema/index.ts';
import { fsSource } from '../src/inventory/source.ts';
import { createValidators, validateData } from '../src/inventory/validate.ts';

const root = process.argv[2];
const today = process.argv[3] ?? '2026-11-23';
if (!root) throw new Error('usage: node bench/phases.ts ROOT [TODAY]');

const ms = (t0: number) => performance.now() - t0;
const source = fsSource(root);
const times = { read: 0, parse: 0, validate: 0, build: 0, rules: 0, compile: 0 };

// The floor's CPU time too (user + system, GC threads included): steadier than wall time on a shared machine.
const cpu0 = process.cpuUsage();
let t = performance.now();
const paths = await source.list();
const bytes = await Promise.all(paths.map((p) => source.read(p)));
times.read = ms(t);

// The floor: decode and parse every file, nothing else (with the loader's parsers).
t = performance.now();
// Older trees (for before/after figures) have no interner: the loader then works without one.
const newInterner = () => ('Interner' in parse ? new parse.Interner() : undefined);
const interner = newInterner();
const parsed = paths.map((path, i) => {
  const placement = classify(path);
  if (!placement.ok) return undefined;
  const decoded = decodeFile(bytes[i]!);
  if (!decoded.ok) return undefined;
  const text = parse.parseText(decoded.text, KIND_INFO[placement.kind].recordsKey, { bytes: bytes[i]!, ...(interner ? { interner } : {}) });
  return { kind: placement.kind, data: text.data, parser: text.parser, yamlRuns: (text as { yamlLines?: unknown[] }).yamlLines?.length ?? 0 };
});
times.parse = ms(t);
const floorCpuUs = process.cpuUsage(cpu0);
// Files that `yaml` read whole, and runs of lines it read inside files the scanners read (parse/spliced.ts).
const yamlFiles = parsed.filter((p) => p?.parser === 'yaml').length;
const yamlRuns = parsed.reduce((n, p) => n + (p?.yamlRuns ?? 0), 0);

t = performance.now();
const validators = createValidators();
times.compile = ms(t);

t = performance.now();
for (const p of parsed) if (p && p.data && typeof p.data === 'object') validateData(validators, p.kind, p.data);
times.validate = ms(t);

// Build needs the loader's own per-file result; its parse and validate were timed above, so
// they are subtracted here: what remains is the model building.
t = performance.now();
const again = newInterner();
const files = paths.map((path, i) => readInventoryFile(path, bytes[i]!, validators, again).file);
const readAgain = ms(t);
t = performance.now();
const inv = emptyInventory();
for (const f of files) if (f) addToInventory(inv, f);
times.build = ms(t);

t = performance.now();
const findings = runRules(inv, today);
times.rules = ms(t);

process.stdout.write(`${JSON.stringify({ ...times, readFileAgain: readAgain, ruleFindings: findings.length, floorCpu: (floorCpuUs.user + floorCpuUs.system) / 1000, yamlFiles, yamlRuns, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
