import { describe, expect, it } from 'vitest';
import { parseFlowDocument } from '../../src/inventory/parse/flow-document.ts';
import type { Path } from '../../src/inventory/parse/positions.ts';
import { parseYamlDocument } from '../../src/inventory/parse/yaml-document.ts';
import { synthesize } from '../../src/synth/index.ts';
import { CONTRACT, LICENSE, ORG, VENDOR } from '../support/inventory.ts';

/** Every path into the data, plus paths that run past it (missing keys, indexes, deeper than a scalar). */
function paths(data: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix, [...prefix, 'nope'], [...prefix, 99]];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
  if (Array.isArray(data) && data.length > 0) out.push([...prefix, '0']);
  return out;
}

function expectSameAsYaml(text: string, name: string) {
  const fast = parseFlowDocument(text);
  expect(fast, name).not.toBeNull();
  const full = parseYamlDocument(text);
  expect(full.problems).toEqual([]);
  expect(fast!.data, name).toEqual(full.data);
  for (const path of paths(full.data)) {
    for (const target of ['value', 'key'] as const) expect(fast!.map.locate(path, target), `${name} ${path.join('.')} ${target}`).toEqual(full.map.locate(path, target));
  }
}

describe('parseFlowDocument', () => {
  it('gives the data and positions of the yaml package for the test fixtures', () => {
    for (const [name, text] of Object.entries({ ORG, VENDOR, LICENSE, CONTRACT })) expectSameAsYaml(text, name);
  });

  it('gives the data and positions of the yaml package for every generated org, vendor, license and contract file', () => {
    const org = synthesize({ people: 3000, seed: 9 });
    let n = 0;
    for (const [path, text] of org.files) {
      if (path.startsWith('inventory/assignments/') || path === 'inventory/people.yaml') continue;
      expectSameAsYaml(text, path);
      n++;
    }
    expect(n).toBeGreaterThan(50);
  });

  it('agrees on comments, blank lines, quoting and lists at column 0', () => {
    const text = `# header comment
vendor: Figma, Inc. (EU) O'Neil & Co
url: https://x.example/a:b

id: a-b   # trailing
name: "Quoted, with comma"
note: 'single'
flag: true
count: 12
tags: [x, y]   # comment
nested: { a: { b: [1, 2] }, c: "d" }
lines: # a list follows
  # a comment inside
  - { license: a, tier: b }

  - { license: c, tier: d, quantity: 3 }
docs:
- { title: T, url: "https://x.example/a" }
`;
    expectSameAsYaml(text, 'mixed');
  });

  it.each([
    ['a block mapping', 'id: a\nmaintenance:\n  start: 2026-01-01\n'],
    ['an empty value', 'id: a\nowner:\n'],
    ['a multi-line plain scalar', 'id: a\nname: one\n  two\n'],
    ['a block scalar', 'id: a\nnotes: |\n  text\n'],
    ['a duplicate key', 'id: a\nid: b\n'],
    ['an anchor', 'id: &x a\n'],
    ['a second document', 'id: a\n---\nid: b\n'],
    ['a tab', 'id:\ta\n'],
    ['a flow mapping over two lines', 'id: a\nnotice: { days:\n  30 }\n'],
    ['a flow indicator starting a plain scalar', 'name: ,x\n'],
    ['mixed item indentation', 'lines:\n  - { a: 1 }\n    - { a: 2 }\n'],
  ])('hands %s to the yaml package', (_name, text) => {
    expect(parseFlowDocument(text)).toBeNull();
  });
});
