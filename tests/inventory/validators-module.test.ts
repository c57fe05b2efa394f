// The validators scripts/build.ts precompiles into dist/ (src/inventory/validators-module.ts) give
// the problems of the ones compiled at run time: on every kind's full example, and on the example
// with each value, one at a time, replaced by values of other types and shapes, or a key added.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordAcceptor } from '../../src/inventory/record-check.ts';
import { KIND_INFO, KINDS, type Kind } from '../../src/inventory/schema/index.ts';
import { createValidators, validateData, type ValidatorsModule } from '../../src/inventory/validate.ts';
import { validatorsModuleSource } from '../../src/inventory/validators-module.ts';

/** The module's exports, evaluated as Node would load the file (its requires resolved from here). */
function loadModule(source: string): ValidatorsModule {
  const module = { exports: {} as ValidatorsModule };
  new Function('require', 'module', 'exports', source)(createRequire(import.meta.url), module, module.exports);
  return module.exports;
}

const compiled = loadModule(validatorsModuleSource());
// fast: false: every record goes to ajv, so the generated code is what is compared.
const fromModule = createValidators({ compiled, fast: false });
const atRunTime = createValidators({ fast: false });
const example = (kind: Kind) => parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'valid', `${kind}.yaml`), 'utf8')) as unknown;
const REPLACEMENTS: unknown[] = [null, 5, -1, 1.5, true, '', 'x', 'Bad ID', 'con', '2025-13-01', '2025-03-01', 'not a url', 'a'.repeat(300), [], ['x', 'x'], {}, { unknown: 1 }];

/** Every path to a value in `data`, the root's children first. */
function paths(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (!data || typeof data !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]);
}

function replaced(data: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

describe('precompiled validators', () => {
  it('export one validator per kind', () => {
    expect(Object.keys(compiled).filter((k) => k !== 'recordSchemas').sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS.filter((k) => KIND_INFO[k].recordsKey))('%s: record acceptors from the exported record schema (a built lac loads no TypeBox) accept what those of the TypeBox schema accept', (kind) => {
    const formats = { date: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s), email: (s: string) => s.includes('@') };
    const key = KIND_INFO[kind].recordsKey!;
    const typebox = recordAcceptor((KIND_INFO[kind].schema as { properties: Record<string, Record<string, unknown>> }).properties[key], formats);
    const exported = recordAcceptor(compiled.recordSchemas[kind] as Record<string, unknown>, formats);
    expect(exported === undefined).toBe(typebox === undefined);
    const records = (example(kind) as Record<string, unknown[]>)[key]!;
    let accepted = 0;
    for (const record of records) {
      for (const path of [[], ...paths(record)]) {
        for (const value of path.length ? REPLACEMENTS : [record]) {
          const changed = path.length ? replaced(record, path, value) : record;
          expect(exported?.(changed), `${path.join('.')} = ${JSON.stringify(value)}`).toBe(typebox?.(changed));
          if (typebox?.(changed)) accepted++;
        }
      }
    }
    // Seats and people are the records the acceptor is made for (the others carry keywords it leaves to ajv).
    if (kind === 'assignments' || kind === 'people') expect(accepted).toBeGreaterThan(0);
  });

  it.each(KINDS)('%s: the same problems as the validators compiled at run time', (kind) => {
    const data = example(kind);
    expect(validateData(fromModule, kind, data)).toEqual([]);
    let broken = 0;
    for (const path of paths(data)) {
      for (const value of REPLACEMENTS) {
        const changed = replaced(data, path, value);
        const problems = validateData(fromModule, kind, changed);
        expect(problems, `${path.join('.')} = ${JSON.stringify(value)}`).toEqual(validateData(atRunTime, kind, changed));
        if (problems.length > 0) broken++;
      }
      const withKey = replaced(data, [...path.slice(0, -1), 'colour'], 'red');
      expect(validateData(fromModule, kind, withKey)).toEqual(validateData(atRunTime, kind, withKey));
    }
    expect(broken).toBeGreaterThan(0);
  });
});
