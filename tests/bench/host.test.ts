// bench/host.ts: the machine's own costs printed at the top of `npm run bench`.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { forkPageCost, hostLine, memoryReclaim, nodeStart, pageCost } from '../../bench/host.ts';

describe('the host figures of npm run bench', () => {
  it('measures what a page of fresh memory and a start of node cost', () => {
    const micros = pageCost(4, 1);
    expect(Number.isFinite(micros)).toBe(true);
    const start = nodeStart(1);
    expect(start).toBeGreaterThan(0);
    const forkMicros = forkPageCost(4, 1);
    expect(Number.isFinite(forkMicros)).toBe(true);
    expect(hostLine({ nodeStart: start, pageMicros: micros, forkPageMicros: forkMicros, reclaim: 'none seen' })).toMatch(
      /^host: `node -e 0` \d+\.\d{3} s; a page of fresh memory -?\d+\.\d us \(64 MB.*\); a page written again after a process start -?\d+\.\d us; kernel page-out of idle memory: none seen$/,
    );
  });

  it('names the DAMON schemes that are on and page memory out, from the kernel\'s sysfs folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'lac-damon-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), `${text}\n`);
    };
    try {
      expect(memoryReclaim(join(root, 'missing'))).toBe('none seen');
      // A kdamond that is off, and one on whose only scheme just collects statistics.
      put('0/state', 'off');
      put('0/contexts/0/schemes/0/action', 'pageout');
      put('1/state', 'on');
      put('1/contexts/0/schemes/0/action', 'stat');
      expect(memoryReclaim(root)).toBe('none seen');
      put('1/contexts/0/schemes/1/action', 'pageout');
      expect(memoryReclaim(root)).toBe('DAMON pageout');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says so when a probe fails', () => {
    expect(() => pageCost(4, 1, '/bin/false')).toThrow(/the page probe failed/);
    expect(() => forkPageCost(4, 1, '/bin/false')).toThrow(/the fork probe failed/);
  });
});
