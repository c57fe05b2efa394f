// `npm run bench` (bench/index.ts): which benchmarks run and which arguments they get.
import { describe, expect, it } from 'vitest';
import { BENCHMARKS, plan, summaryTable } from '../../bench/index.ts';

describe('npm run bench', () => {
  it('runs every command benchmark of issue 16 when none is named', () => {
    expect(plan([])).toEqual({ names: ['startup', 'check', 'diff', 'history', 'site'], rest: [] });
    expect(BENCHMARKS).toEqual(['startup', 'check', 'diff', 'history', 'site']);
  });

  it('runs the named ones, by name or with --only, and passes the arguments after a single name on', () => {
    expect(plan(['startup'])).toEqual({ names: ['startup'], rest: [] });
    expect(plan(['--only', 'startup,diff'])).toEqual({ names: ['startup', 'diff'], rest: [] });
    expect(plan(['--only=history'])).toEqual({ names: ['history'], rest: [] });
    expect(plan(['check', '--sizes', '1000', '--runs', '3'])).toEqual({ names: ['check'], rest: ['--sizes', '1000', '--runs', '3'] });
  });

  it('refuses an unknown name, and arguments that more than one benchmark would get', () => {
    expect(plan(['chekc'])).toBe('no benchmark chekc: the benchmarks are startup, check, diff, history, site');
    expect(plan(['--sizes', '1000'])).toMatch(/^arguments \(--sizes 1000\) go to one benchmark/);
    expect(plan(['--only'])).toBe('--only needs benchmark names, e.g. --only startup,check');
  });

  it('gathers the benchmarks\' summary rows into one table, a pending row for each that did not run', () => {
    expect(summaryTable(['start-up | 0.1 s | 0.04 s | 2.5x | < 0.2 s'], ['diff'])).toBe(
      '| command | measured | floor | ratio | goal |\n| --- | --- | --- | --- | --- |\n| start-up | 0.1 s | 0.04 s | 2.5x | < 0.2 s |\n| diff | pending | | | |\n',
    );
  });
});
