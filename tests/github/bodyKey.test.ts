import { describe, expect, it } from 'vitest';
import { bodyHash, composeBody, GITHUB_BODY_LIMIT, markers, parseKey, parseState, stripMarkers } from '../../src/github/bodyKey.ts';

describe('hidden keys and state in bodies', () => {
  it('embeds and parses back the key and state', () => {
    const body = composeBody('Reclaim **3** seats.', 'reclaim/figma', { seats: ['ann', 'bob'], since: '2026-08-01' });
    expect(body).toBe('Reclaim **3** seats.\n\n<!-- lac:key=reclaim/figma -->\n<!-- lac:state {"seats":["ann","bob"],"since":"2026-08-01"} -->');
    expect(parseKey(body)).toBe('reclaim/figma');
    expect(parseState(body)).toEqual({ seats: ['ann', 'bob'], since: '2026-08-01' });
  });

  it('keeps state that contains "-->" or ">" from ending the comment', () => {
    const state = { note: 'a --> b > c ---- d', n: -1 };
    const body = composeBody('x', 'k', state);
    expect(body.match(/-->/g)).toHaveLength(2);
    expect(parseState(body)).toEqual(state);
  });

  it('replaces old markers instead of stacking them', () => {
    const once = composeBody('text', 'a/b', { v: 1 });
    const twice = composeBody(once, 'a/b', { v: 2 });
    expect(twice).toBe('text\n\n<!-- lac:key=a/b -->\n<!-- lac:state {"v":2} -->');
    expect(stripMarkers(twice)).toBe('text');
  });

  it('returns undefined for missing or hand-mangled markers', () => {
    expect(parseKey('no key here')).toBeUndefined();
    expect(parseKey(null)).toBeUndefined();
    expect(parseState('<!-- lac:key=x -->\n<!-- lac:state {broken -->')).toBeUndefined();
  });

  it('rejects keys that could break the marker', () => {
    expect(() => markers('a b')).toThrow('invalid lac key "a b"');
    expect(() => markers('a--b')).toThrow('invalid lac key');
    expect(() => markers('')).toThrow('invalid lac key');
  });

  it('hashes bodies as GitHub returns them: CRLF and trailing blanks do not count', () => {
    expect(bodyHash('a\r\nb\n\n')).toBe(bodyHash('a\nb'));
    expect(bodyHash('a\nb')).not.toBe(bodyHash('a\nc'));
    expect(bodyHash(null)).toBe(bodyHash(''));
  });

  it('cuts a body over 65,536 characters at a line, says so, and keeps the markers', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(1000);
    const body = composeBody(text, 'report/big', { rows: 1000 });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 2200);
    expect(parseKey(body)).toBe('report/big');
    expect(parseState(body)).toEqual({ rows: 1000 });
    const visible = stripMarkers(body);
    const [kept, note] = visible.split('\n\n> [!NOTE]\n');
    expect(kept?.split('\n').every((l) => l === 'x'.repeat(99))).toBe(true);
    const omitted = text.trimEnd().length - (kept?.length ?? 0);
    expect(note).toBe(`> This text was cut to fit GitHub's 65,536-character limit; ${omitted.toLocaleString('en-US')} characters were left out.`);
  });

  it('never cuts inside a surrogate pair', () => {
    const text = '😀'.repeat(40_000);
    const body = composeBody(text, 'k', undefined, 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
