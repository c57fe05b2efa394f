import { describe, expect, it } from 'vitest';
import { indexPeople, keptPeople, sparsePeople, withManagers, type KeptPeople } from '../../src/diff/people-index.ts';
import { MessageChannel } from 'node:worker_threads';
import { serveReads } from '../../src/diff/read-server.ts';
import { readWorker, serveNextFrom } from '../../src/diff/worker-client.ts';
import { readInventoryFile } from '../../src/inventory/read-file.ts';
import { createValidators } from '../../src/inventory/validate.ts';

const PATH = 'inventory/people.yaml';
const TEXT = [
  '# the directory',
  'people:',
  '  - { id: ada, name: Ada Lovelace, email: ada@example.com, status: active, start: 2020-01-01 }',
  '  - { id: bob, name: "Bob O\'Byte, Jr.", email: bob@example.com, manager: ada, status: leaver, start: 2021-01-01, end: 2026-01-31 }',
  '',
  '  - { id: cy, name: Cy, email: cy@example.com, aliases: [cy@old.example, cyy], manager: bob, status: active }',
  '  - { id: dee, name: Dee, email: dee@example.com, status: on-leave }',
  '',
].join('\n');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('people.yaml index for lac diff', () => {
  const validators = createValidators();

  it('reads only the kept people, on their own lines, with the records and positions of the whole file', () => {
    const index = indexPeople(bytes(TEXT))!;
    expect(['ada', 'bob', 'cy', 'dee', 'ad', 'adam', 'eve'].map((id) => index.lines.get(id))).toEqual([[2], [3], [5], [6], undefined, undefined, undefined]);
    const keep = withManagers(index, ['cy']);
    expect([...keep].sort()).toEqual(['ada', 'bob', 'cy']);
    const whole = readInventoryFile(PATH, bytes(TEXT), validators).file!;
    const part = readInventoryFile(PATH, sparsePeople(index, keep)!, validators).file!;
    const people = (f: typeof whole) => (f.data.people as { id: string }[]).flatMap((p, i) => (p ? [{ p, at: f.map.locate(['people', i, 'status']) }] : []));
    expect(people(part)).toEqual(people(whole).filter(({ p }) => keep.has(p.id)));
    expect(sparsePeople(index, [])).toBeUndefined();
  });

  it('finds every record of an ID, in file order, among thousands (hashed, not a map of strings)', () => {
    // 3,000 IDs, some on two lines (a duplicate is check's finding; the index keeps both), with prefixes of one another.
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `p${i % 50}` : `p${i}`));
    const text = `people:\n${ids.map((id) => `  - { id: ${id}, name: N, email: ${id}@example.com, status: active }\n`).join('')}`;
    const index = indexPeople(bytes(text))!;
    const expected = new Map<string, number[]>();
    ids.forEach((id, i) => expected.set(id, [...(expected.get(id) ?? []), i + 1]));
    for (const [id, lines] of expected) expect(index.lines.get(id), id).toEqual(lines);
    for (const id of ['p', 'p3000', 'p10000', 'q1', 'p1 ', '']) expect(index.lines.get(id), id).toBeUndefined();
    expect(index.lines.size).toBe(3000);
  });

  it('declines a file a YAML reader could read otherwise, so that it is read whole', () => {
    const line = (record: string) => indexPeople(bytes(`people:\n  - { id: ada, name: Ada, email: a@example.com, status: active }\n  - ${record}\n`));
    expect(line('{ id: bob, name: Bob, status: active }')).toBeDefined();
    for (const bad of [
      '{ id: bob, name: Bob, name: Robert, status: active }', // a duplicate key breaks the whole file
      '{ id: bob, name: "Bob, status: active }', // an unterminated quote
      '{ id: bob, name: Bob # a comment, status: active }',
      '{ id: bob, name: &anchor Bob, status: active }',
      '{ id: bob, name: \'Bob\', status: active }',
      '{ id: bob, name: Bob, title: a: b, status: active }',
      '{ id: bob, tags: [a, [b]], status: active }',
      '{ id: bob, name: Bob, status: active } trailing',
      '{ id: bob, name: "B\\"ob", status: active }',
      // A record over two lines: the line break ends the record's line, whatever follows.
      '{ id: bob, name: "Bob\n    Byte", status: active }',
      '{ id: bob, name: Bob,\n    status: active }',
      '{ id: bob, name: Bob\n  - { id: cy }',
      '{ id: bob, name: Bob }\r',
    ]) {
      expect(line(bad), bad).toBeUndefined();
    }
    expect(indexPeople(bytes('people:\n  - id: ada\n    name: Ada\n'))).toBeUndefined(); // block style
    expect(indexPeople(bytes('version: 2\npeople:\n  - { id: ada }\n'))).toBeUndefined(); // another top-level key
  });

  it('gives the same records from the worker thread as on the main thread, and says when an ID is not in the file', async () => {
    const worker = readWorker();
    // A Buffer crosses to the other thread as a Uint8Array: the bytes are compared.
    const text = (k: KeptPeople | undefined) => k && { ...k, ...(k.sparse ? { sparse: Buffer.from(k.sparse).toString() } : {}) };
    try {
      expect(await worker.readPeople({ path: PATH, bytes: bytes(TEXT) })).toBe(true);
      for (const wanted of [['cy'], ['dee', 'ada'], [], ['cy', 'nobody']]) {
        const here = keptPeople(indexPeople(bytes(TEXT)), wanted);
        expect(text(await worker.keepPeople(wanted)), wanted.join()).toEqual(text(here));
      }
      expect(keptPeople(indexPeople(bytes(TEXT)), ['cy', 'nobody'])).toEqual({ indexed: true, known: false });
      expect(Buffer.from(keptPeople(indexPeople(bytes(TEXT)), ['cy']).sparse!).toString()).toBe(Buffer.from(sparsePeople(indexPeople(bytes(TEXT))!, ['ada', 'bob', 'cy'])!).toString());
      expect(await worker.readPeople({ path: PATH, bytes: bytes('people:\n  - id: ada\n') })).toBe(false);
      expect(await worker.keepPeople(['ada'])).toEqual({ indexed: false, known: false });
    } finally {
      worker.close();
    }
  });

  it('is served through a port by another thread as lac diff serves it, and by a worker once the port has closed', async () => {
    const channel = new MessageChannel();
    serveReads(channel.port1);
    serveNextFrom(channel.port2);
    const reader = readWorker();
    const wanted = ['cy'];
    const text = (k: KeptPeople | undefined) => k?.sparse && Buffer.from(k.sparse).toString();
    try {
      expect(await reader.readPeople({ path: PATH, bytes: bytes(TEXT) })).toBe(true);
      expect(text(await reader.keepPeople(wanted))).toBe(text(keptPeople(indexPeople(bytes(TEXT)), wanted)));
      // A request in flight when the port closes is answered undefined (the diff then reads the file itself) ...
      const inFlight = reader.readPeople({ path: PATH, bytes: bytes(TEXT) });
      const closed = new Promise((done) => channel.port2.once('close', done));
      channel.port1.close();
      await closed;
      expect([true, undefined]).toContain(await inFlight);
      // ... and one after it by a worker of its own, not left waiting on a closed port.
      expect(await reader.readPeople({ path: PATH, bytes: bytes(TEXT) })).toBe(true);
      expect(text(await reader.keepPeople(wanted))).toBe(text(keptPeople(indexPeople(bytes(TEXT)), wanted)));
    } finally {
      reader.close();
    }
  });
});
