import { afterEach, describe, expect, it, vi } from 'vitest';
import { tracer } from '../../src/util/trace.ts';

describe('tracer (LAC_DIFF_TRACE, LAC_SITE_TRACE)', () => {
  afterEach(() => {
    delete process.env.LAC_TEST_TRACE;
    vi.restoreAllMocks();
  });

  it('writes each step with its label, time, thread and memory when the variable is set', () => {
    process.env.LAC_TEST_TRACE = '1';
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (written.push(String(s)), true));
    const trace = tracer('lac-test-trace', 'LAC_TEST_TRACE');
    trace('first step');
    trace('second step');
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^lac-test-trace +\d+ ms main +cpu +(\d+|-) ms rss +\d+ MB heap +\d+ MB of +\d+ ext +\d+ ab +\d+ peak +(\d+|-) faults +\d+ {2}first step\n$/);
    // The peak so far (Linux's VmHWM) is at least the memory held now.
    const [rss, peak] = [/ rss +(\d+)/.exec(written[1]!)![1], / peak +(\d+)/.exec(written[1]!)?.[1]];
    if (process.platform === 'linux') expect(Number(peak)).toBeGreaterThanOrEqual(Number(rss));
    // Page faults are counted from the start of the process: never fewer at a later step.
    const faults = written.map((l) => Number(/ faults +(\d+) /.exec(l)![1]));
    expect(faults[1]).toBeGreaterThanOrEqual(faults[0]!);
    // The thread's processor time, like the wall time, only grows.
    const cpu = written.map((l) => Number(/ cpu +(\d+) ms /.exec(l)![1]));
    expect(cpu[1]).toBeGreaterThanOrEqual(cpu[0]!);
    const ms = written.map((l) => Number(/ (\d+) ms /.exec(l)![1]));
    expect(ms[1]).toBeGreaterThanOrEqual(ms[0]!);
  });

  it('writes nothing when the variable is not set', () => {
    const write = vi.spyOn(process.stderr, 'write');
    tracer('lac-test-trace', 'LAC_TEST_TRACE')('a step');
    expect(write).not.toHaveBeenCalled();
  });
});

describe('tracer set to "gc"', () => {
  afterEach(() => {
    delete process.env.LAC_TEST_TRACE;
    delete (globalThis as { gc?: () => void }).gc;
    vi.restoreAllMocks();
  });

  it('collects garbage before each step when node exposes gc', () => {
    process.env.LAC_TEST_TRACE = 'gc';
    const gc = vi.fn();
    (globalThis as { gc?: () => void }).gc = gc;
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const trace = tracer('lac-test-trace', 'LAC_TEST_TRACE');
    trace('one');
    trace('two');
    expect(gc).toHaveBeenCalledTimes(2);
  });
});
