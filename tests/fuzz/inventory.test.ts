// Fuzzing: a copy of the example inventory, mutated (bytes, YAML structure, values), read by
// check, report, renewals, reclaim --dry-run and the site's data step, in this process. None may
// crash or hang; every exit code is 0, 1 or 2, and a usage error says which file is at fault.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { EXAMPLE_TODAY, exampleFiles } from '../support/example.ts';
import { mutate, mutation, type Mutation } from './mutations.ts';

const SEED = 20261203;
const RUNS = 40;
// Each step takes about a second here; a hang or a quadratic blow-up takes far longer.
const STEP_BUDGET_MS = 20_000;

const STEPS = ['check', 'report', 'renewals', 'reclaim', 'site'] as const;
type Step = (typeof STEPS)[number];

// The example with its long lists cut to 25 entries: every kind of record, a second per step.
const cut = (text: string, n: number) => {
  let k = 0;
  return text.split('\n').filter((l) => !l.startsWith('  - ') || k++ < n).join('\n');
};

let dir: string;
let paths: string[];
beforeAll(async () => {
  const example = await exampleFiles();
  dir = tempRepo(Object.fromEntries(Object.entries(example).map(([p, t]) => [p, /^inventory\/(assignments|usage)\//.test(p) ? cut(t, 25) : t])));
  paths = Object.keys(example).filter((p) => p.endsWith('.yaml'));
});
afterAll(() => cleanup(dir));

/** The exit code of one step (the site's data step: 0, or 1 with findings), and what went wrong, if anything. */
async function runStep(step: Step): Promise<{ code: number; problem?: string }> {
  if (step === 'site') {
    try {
      const site = siteFromInput(await buildSiteInput({ root: dir, today: EXAMPLE_TODAY }));
      return { code: site.model.findings.some((f) => f.severity === 'error') ? 1 : 0 };
    } catch (e) {
      return { code: -1, problem: `site data threw: ${(e as Error).stack}` };
    }
  }
  const args = step === 'reclaim' ? ['reclaim', '--dry-run'] : [step];
  const r = await lac([...args, '--root', dir, '--today', EXAMPLE_TODAY]);
  if (![0, 1, 2].includes(r.code)) return { code: r.code, problem: `exit ${r.code}` };
  if (/internal error/.test(r.stderr)) return { code: r.code, problem: `internal error: ${r.stderr}` };
  if (r.code === 2 && !/inventory\/[\w./-]+\.yaml/.test(r.stderr)) return { code: r.code, problem: `exit 2 without a file: ${r.stderr}` };
  return { code: r.code };
}

describe('fuzzing the example inventory', () => {
  it(`${RUNS} mutated copies, each read by one of ${STEPS.join(', ')}`, async () => {
    const problems: string[] = [];
    const codes: Record<Step, number[]> = { check: [], report: [], renewals: [], reclaim: [], site: [] };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), fc.constantFrom(...STEPS), async (edits: [number, Mutation][], step) => {
        const originals = new Map<string, Uint8Array>();
        try {
          for (const [n, m] of edits) {
            const path = paths[n % paths.length]!;
            const full = join(dir, path);
            const bytes = readFileSync(full);
            if (!originals.has(path)) originals.set(path, bytes);
            writeFileSync(full, mutate(bytes, m));
          }
          const started = performance.now();
          const { code, problem } = await runStep(step);
          const took = performance.now() - started;
          codes[step].push(code);
          const what = `${step} after ${JSON.stringify(edits.map(([n, m]) => [paths[n % paths.length], m])).slice(0, 600)}`;
          if (problem) problems.push(`${what}: ${problem.slice(0, 1500)}`);
          else if (took > STEP_BUDGET_MS) problems.push(`${what}: took ${Math.round(took)} ms`);
        } finally {
          for (const [path, bytes] of originals) writeFileSync(join(dir, path), bytes);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(problems).toEqual([]);
    // The mutations reach the checks: some copies fail check, and every step ran.
    expect(codes.check).toContain(1);
    for (const step of STEPS) expect(codes[step].length, step).toBeGreaterThan(0);
  }, 240_000);
});
