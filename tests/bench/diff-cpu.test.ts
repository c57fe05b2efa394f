import { afterEach, describe, expect, it } from 'vitest';
import { diffThreadCpu } from '../../bench/diff.ts';
import { lacProcess } from '../support/cli.ts';
import { committedChange } from '../support/diff-repo.ts';
import type { TestRepo } from '../support/git.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

// Lines as src/util/trace.ts writes them; the diff thread is the one that wrote "diff starts".
const line = (ms: number, thread: string, cpu: number, what: string) =>
  `lac-diff-trace ${String(ms).padStart(6)} ms ${thread.padEnd(6)} cpu ${String(cpu).padStart(6)} ms rss    84 MB heap    12 MB of    18 ext     3 ab     0 peak    84 faults    7771  ${what}`;

describe('diffThreadCpu (bench/diff.ts)', () => {
  it("takes the processor time of the last line of the thread that started the diff, not the other threads'", () => {
    const stderr = [line(389, 'w1', 208, 'diff starts'), line(807, 'w2', 172, 'worker loaded'), line(2269, 'w2', 1012, 'people.yaml indexed'), line(2877, 'w1', 1661, 'findings'), 'something else', ''].join('\n');
    expect(diffThreadCpu(stderr)).toBe(1.661);
  });

  it('is NaN without a trace', () => {
    expect(diffThreadCpu('lac: unknown revision "nope"\n')).toBeNaN();
  });

  it('reads the trace of a real lac diff', () => {
    const repo = committedChange(repos);
    const r = lacProcess(['diff', 'main', 'change', '--root', repo.dir, '--today', '2026-03-10'], { env: { LAC_DIFF_TRACE: '1' } });
    expect(r.code).toBe(0);
    const cpu = diffThreadCpu(r.stderr);
    // At least loading the diff's modules: some milliseconds, and less than the whole process took.
    expect(cpu).toBeGreaterThan(0);
    expect(cpu).toBeLessThan(60);
  });
});
