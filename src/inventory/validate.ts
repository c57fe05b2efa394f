import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KIND_META, KINDS, type Kind } from './schema/kind-table.ts';
import { recordAcceptor, remembered, type RecordAccept } from './record-check.ts';
import { pathFromPointer, pathText, type Path, type SourceMap } from './parse/index.ts';
import { suggestion } from '../util/suggest.ts';

/** One schema problem, located at the value (or key) at fault. */
export interface SchemaProblem {
  rule: 'schema' | 'unknown-key';
  path: Path;
  target: 'value' | 'key';
  message: string;
  hint?: string;
}

/** A kind's validator, and for kinds of one-line records the cheap acceptor of a record (record-check.ts). */
export interface KindValidator {
  validate: ValidateFunction;
  records?: { key: string; accept: RecordAccept };
}

export type Validators = Record<Kind, KindValidator>;

/** The precompiled validators' file name, beside the compiled validate.js. */
export const VALIDATORS_MODULE = 'validators.cjs';

/** What scripts/build.ts compiled into dist/ (validators-module.ts): a validator per kind, and the record lists' schemas. */
export type ValidatorsModule = Record<Kind, ValidateFunction> & { recordSchemas: Partial<Record<Kind, object>> };

/** The module scripts/build.ts compiled into dist/; none beside the sources. */
function precompiled(): ValidatorsModule | undefined {
  const file = fileURLToPath(new URL(`./${VALIDATORS_MODULE}`, import.meta.url));
  return existsSync(file) ? (createRequire(import.meta.url)(file) as ValidatorsModule) : undefined;
}

const PRECOMPILED = precompiled();
// Without the build (tests, runs from the sources), the schemas come from their TypeBox source and ajv compiles them.
const fromSource = PRECOMPILED ? undefined : { info: (await import('./schema/kinds.ts')).KIND_INFO, newAjv: (await import('./ajv.ts')).newAjv };

/** The schema of a kind's record list (its `recordsKey` property). */
const recordSchema = (kind: Kind): object | undefined => {
  const key = KIND_META[kind].recordsKey;
  return PRECOMPILED ? PRECOMPILED.recordSchemas[kind] : key ? (fromSource!.info[kind].schema as { properties?: Record<string, object> }).properties?.[key] : undefined;
};

/** ajv-formats' date check, remembered per text: a million seats carry a few thousand distinct dates. */
const rememberedDate = () => remembered((fullFormats.date as { validate: (s: string) => boolean }).validate, MAX_MEMO);

let fromSourceCompiled: Record<Kind, ValidateFunction> | undefined;
/**
 * Without the build, every kind's validator compiled by ajv from the TypeBox source, once per
 * process as the build does once (about 0.1 s each time; the tests load inventories thousands of times).
 */
function compiledFromSource(): Record<Kind, ValidateFunction> {
  if (fromSourceCompiled) return fromSourceCompiled;
  const ajv = fromSource!.newAjv();
  ajv.addFormat('date', { validate: rememberedDate() });
  fromSourceCompiled = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(fromSource!.info[k].schema)])) as Record<Kind, ValidateFunction>;
  return fromSourceCompiled;
}

/**
 * One validator per kind: the precompiled ones when the build made them, else compiled from the source once;
 * `fast: false` leaves every record to ajv.
 */
export function createValidators(options: { fast?: boolean; compiled?: Record<Kind, ValidateFunction> } = {}): Validators {
  const compiled = options.compiled ?? PRECOMPILED ?? compiledFromSource();
  const date = rememberedDate();
  const email = fullFormats.email as RegExp;
  const formats = { date, email: (s: string) => email.test(s) };
  const one = (kind: Kind): KindValidator => {
    const { recordsKey } = KIND_META[kind];
    const validate = compiled[kind];
    const accept = recordsKey && options.fast !== false ? recordAcceptor(recordSchema(kind) as Record<string, unknown> | undefined, formats) : undefined;
    return { validate, ...(accept && recordsKey ? { records: { key: recordsKey, accept } } : {}) };
  };
  return Object.fromEntries(KINDS.map((k) => [k, one(k)])) as Validators;
}

/** Distinct dates checked at most: far more than an inventory has, a bound on hostile input. */
const MAX_MEMO = 100_000;

/**
 * Validates data of a kind; returns every problem as a human message with its path. `checked`: the
 * indices of the records the kind's acceptor was unsure of, when the parser already asked it.
 */
export function validateData(validators: Validators, kind: Kind, data: unknown, checked?: number[]): SchemaProblem[] {
  const { validate, records } = validators[kind];
  const list = records && data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[records.key] : undefined;
  if (!records || !Array.isArray(list)) return validate(data) ? [] : describeErrors(validate.errors ?? [], data);
  // ajv sees only the records the acceptor is unsure of: a valid record adds no error, and the
  // list's schema has no keyword about the list as a whole, so the errors are those of the whole
  // file with the record numbers mapped back.
  let unsure = checked;
  if (!unsure) {
    unsure = [];
    for (let i = 0; i < list.length; i++) if (!records.accept(list[i])) unsure.push(i);
  }
  if (validate({ ...(data as object), [records.key]: unsure.map((i) => list[i]) })) return [];
  const prefix = `/${records.key}/`;
  const errors = (validate.errors ?? []).map((e) => {
    if (!e.instancePath.startsWith(prefix)) return e;
    const rest = e.instancePath.slice(prefix.length);
    const slash = rest.indexOf('/');
    const k = Number(slash === -1 ? rest : rest.slice(0, slash));
    return { ...e, instancePath: `${prefix}${unsure[k]!}${slash === -1 ? '' : rest.slice(slash)}` };
  });
  return describeErrors(errors, data);
}

function describeErrors(errors: ErrorObject[], data: unknown): SchemaProblem[] {
  // anyOf children repeat what the anyOf itself says; keep only the anyOf error.
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const kept = errors.filter(
    (e) => e.keyword === 'anyOf' || !anyOfs.some((a) => e.instancePath === a.instancePath && e.schemaPath.startsWith(a.schemaPath.replace(/\/anyOf$/, '/anyOf/'))),
  );
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const p = describe(e, data);
    const key = `${pathText(p.path)}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : String(v));

function describe(e: ErrorObject, data: unknown): SchemaProblem {
  const path = pathFromPointer(e.instancePath);
  const where = pathText(path);
  const value = valueAt(data, path);
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const expected = typeof schema['x-expected'] === 'string' ? (schema['x-expected'] as string) : undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((schema.properties as object | undefined) ?? {});
      const tip = suggestion(key, allowed);
      return {
        rule: 'unknown-key',
        path: [...path, key],
        target: 'key',
        message: `unknown key "${key}"${path.length ? ` in ${where}` : ''}${tip}`,
        hint: tip ? 'fix the spelling' : `allowed keys: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      const prop = ((schema.properties as Record<string, { description?: string }> | undefined) ?? {})[key];
      return { rule: 'schema', path, target: path.length ? 'value' : 'key', message: `missing required key "${key}"${path.length ? ` in ${where}` : ''}`, hint: prop?.description ? `add ${key}: ${prop.description}` : `add ${key}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return { rule: 'schema', path, target: 'value', message: `${where} is ${show(value)}, not one of: ${allowed.join(', ')}${typeof value === 'string' ? suggestion(value, allowed) : ''}` };
    }
    case 'type':
      if (value === null && path.length > 0) return { rule: 'schema', path, target: 'value', message: `${where} is empty`, hint: `give it a value: ${expected ?? `expected ${(e.params as { type: string }).type}`}` };
      return { rule: 'schema', path, target: 'value', message: `${where} is ${show(value)}: expected ${expected ?? (e.params as { type: string | string[] }).type}` };
    case 'minimum':
    case 'maximum':
      if (!expected) return { rule: 'schema', path, target: 'value', message: `${where} ${e.message ?? 'is not valid'}` };
      return { rule: 'schema', path, target: 'value', message: `${where} is ${show(value)}: expected ${expected}` };
    case 'format':
    case 'pattern':
    case 'anyOf':
    case 'const':
      return { rule: 'schema', path, target: 'value', message: `${where} is ${show(value)}: expected ${expected ?? describeFormat(e)}` };
    default:
      return { rule: 'schema', path, target: 'value', message: `${where} ${e.message ?? 'is not valid'}` };
  }
}

function describeFormat(e: ErrorObject): string {
  if (e.keyword === 'format') {
    const f = (e.params as { format: string }).format;
    return f === 'date' ? 'a calendar date YYYY-MM-DD' : f === 'date-time' ? 'a UTC instant such as 2026-11-20T06:00:00Z' : f === 'uri' ? 'a full URL (https://...)' : `a valid ${f}`;
  }
  if (e.keyword === 'pattern') return `text matching ${(e.params as { pattern: string }).pattern}`;
  return 'one of the allowed forms';
}

/** Locates a schema problem in the source. */
export const locateProblem = (map: SourceMap, p: SchemaProblem) => map.locate(p.path, p.target);
