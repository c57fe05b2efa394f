import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv, formatHistory, formatHistoryChunks, formatText, JSON_CHUNK, summary } from '../../src/history/format.ts';
import type { HistoryEvent } from '../../src/history/history.ts';

const base: HistoryEvent = {
  type: 'seat.assigned', license: 'figma', person: 'ada', details: { tier: 'full', since: '2026-01-05' }, file: 'inventory/assignments/figma.yaml',
  commit: '0123456789abcdef0123456789abcdef01234567', date: '2026-01-10T08:30:00Z', author: 'Ada Lovelace', email: 'ada@test.example', pr: 2, signed: false,
};

describe('CSV', () => {
  it('quotes cells as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Figma, Inc.')).toBe('"Figma, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes a header and one CRLF-ended row per event', () => {
    const evil: HistoryEvent = { ...base, type: 'person.joined', license: undefined, person: 'mallory', details: { name: '=cmd|" /C calc"!A0' }, author: '=Mallory, "M"', pr: null, signed: true };
    delete evil.license;
    expect(formatCsv([base, evil])).toBe([
      'date,commit,pr,author,email,signed,type,license,person,device,contract,vendor,summary,details,file,committer,committer_email,approval,pr_title,pr_url,reviewers,approvers,merger,signature',
      '2026-01-10T08:30:00Z,0123456789abcdef0123456789abcdef01234567,2,Ada Lovelace,ada@test.example,false,seat.assigned,figma,ada,,,,ada got a figma seat: full since 2026-01-05,"{""tier"":""full"",""since"":""2026-01-05""}",inventory/assignments/figma.yaml,,,,,,,,,',
      `2026-01-10T08:30:00Z,0123456789abcdef0123456789abcdef01234567,,"'=Mallory, ""M""",ada@test.example,true,person.joined,,mallory,,,,"mallory joined: =cmd|"" /C calc""!A0","{""name"":""=cmd|\\"" /C calc\\""!A0""}",inventory/assignments/figma.yaml,,,,,,,,,`,
      '',
    ].join('\r\n'));
  });
});

describe('text', () => {
  it('prints one line per event', () => {
    expect(formatText([base, { ...base, type: 'seat.tier-changed', details: { from: 'viewer', to: 'full' }, pr: null, signed: true }])).toBe(
      '2026-01-10  01234567  #2            Ada Lovelace          seat.assigned       ada got a figma seat: full since 2026-01-05\n'
      + '2026-01-10  01234567  -     signed  Ada Lovelace          seat.tier-changed   ada\'s figma seat: viewer → full\n',
    );
    expect(formatText([])).toBe('no changes\n');
  });
});

describe('summary', () => {
  it('says a person is leaving while their last day is still ahead of the change, and left once it has passed', () => {
    const left = (end: string, date: string): HistoryEvent => ({ ...base, type: 'person.left', person: 'bob', details: { from: 'active', end }, date });
    expect(summary(left('2026-12-18', '2026-11-16T09:00:00Z'))).toBe('bob is leaving (last day 2026-12-18)');
    expect(summary(left('2026-11-16', '2026-11-16T09:00:00Z'))).toBe('bob is leaving (last day 2026-11-16)');
    expect(summary(left('2026-02-27', '2026-03-02T09:00:00Z'))).toBe('bob left (last day 2026-02-27)');
  });
});

describe('JSON in pieces', () => {
  it('joins to the whole array printed at once, for every length around the piece size', () => {
    for (const n of [0, 1, 2, JSON_CHUNK - 1, JSON_CHUNK, JSON_CHUNK + 1, 2 * JSON_CHUNK, 2 * JSON_CHUNK + 1]) {
      const events = Array.from({ length: n }, (_, i) => ({ ...base, person: `p${i}`, details: { tier: i % 2 ? 'full' : 'basic', list: [i], nested: { a: null } } }));
      const pieces = [...formatHistoryChunks(events, 'json')];
      expect(pieces.join('')).toBe(`${JSON.stringify(events, null, 2)}\n`);
      expect(pieces.length).toBe(Math.max(1, Math.ceil(n / JSON_CHUNK)));
      expect(formatHistory(events, 'json')).toBe(pieces.join(''));
    }
  });

  it('keeps a piece of long events under the 128 KiB that V8 gives fresh pages to', () => {
    // The longest common event: a usage snapshot with its commit and approval, as `lac history` prints it.
    const event = {
      ...base, license: 'cobalt-telemetry-analytics-suite', details: { source: 'csv', taken: '2026-11-05T03:00:00Z', accounts: 123456, previous: 123455 },
      file: 'inventory/usage/cobalt-telemetry-analytics-suite.yaml', committer: 'Example Bot', committerEmail: 'bot@example.org',
      approval: { status: 'unavailable', reviewers: [], approvers: [], signature: 'unsigned' } as HistoryEvent['approval'],
    };
    const pieces = [...formatHistoryChunks(Array.from({ length: 3 * JSON_CHUNK }, () => event), 'json')];
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThan(128 * 1024);
  });
});
