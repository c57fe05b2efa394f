// bench/host.ts: the machine's own costs printed at the top of `npm run bench`.
import { describe, expect, it } from 'vitest';
import { hostLine, nodeStart, pageCost } from '../../bench/host.ts';

describe('the host figures of npm run bench', () => {
  it('measures what a page of fresh memory and a start of node cost', () => {
    const micros = pageCost(4, 1);
    expect(Number.isFinite(micros)).toBe(true);
    const start = nodeStart(1);
    expect(start).toBeGreaterThan(0);
    expect(hostLine({ nodeStart: start, pageMicros: micros })).toMatch(/^host: `node -e 0` \d+\.\d{3} s; a page of fresh memory -?\d+\.\d us \(64 MB/);
  });

  it('says so when the probe fails', () => {
    expect(() => pageCost(4, 1, '/bin/false')).toThrow(/the page probe failed/);
  });
});
