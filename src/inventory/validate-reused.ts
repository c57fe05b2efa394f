import { KIND_META as KIND_INFO, type Kind } from './schema/kind-table.ts';
import { validateData, type SchemaProblem, type Validators } from './validate.ts';

/** Data whose schema check found nothing: its record objects are valid wherever they are reused. */
const clean = new WeakSet<object>();

/**
 * Validates data of a kind, as validateData does. When `previous` (an earlier version of the file, scanned
 * with the same interner) was valid, records reused from it as the very same objects are not checked again:
 * a record's schema does not depend on its neighbours (the record lists carry no maxItems, uniqueItems or
 * contains: tests/inventory/validate-reused.test.ts). Any problem in the rest is found by the whole check.
 * `unsure`: the records the parser's acceptor left for ajv (see validateData); `fresh`: the indices of the
 * records the parser did not reuse, when it says (then `unsure` lists only fresh ones: the acceptor was not asked about the rest).
 */
export function validateReusing(validators: Validators, kind: Kind, data: Record<string, unknown>, previous?: object, unsure?: number[], fresh?: number[]): SchemaProblem[] {
  const key = KIND_INFO[kind].recordsKey;
  const records = key ? data[key] : undefined;
  const before = key && previous && clean.has(previous) ? (previous as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(records) && Array.isArray(before)) {
    const old = fresh ? undefined : new Set<unknown>(before);
    const checked = fresh ? fresh.map((i) => records[i]) : records.filter((r) => !old!.has(r));
    // Key order kept: ajv reports the other keys' problems in the same order.
    if (validateData(validators, kind, { ...data, [key!]: checked }).length === 0) {
      clean.add(data);
      return [];
    }
  }
  const problems = validateData(validators, kind, data, unsure && fresh && Array.isArray(records) ? withReused(records.length, fresh, unsure) : unsure);
  if (problems.length === 0) clean.add(data);
  return problems;
}

/**
 * The records the acceptor did not vouch for, in order: the reused ones (every index not in `fresh`, which it
 * was not asked about) and the fresh ones it was unsure of (`unsure`, a part of `fresh`).
 */
function withReused(length: number, fresh: readonly number[], unsure: readonly number[]): number[] {
  const out: number[] = [];
  let f = 0;
  let u = 0;
  for (let i = 0; i < length; i++) {
    if (fresh[f] !== i) out.push(i);
    else {
      f++;
      if (unsure[u] === i) {
        u++;
        out.push(i);
      }
    }
  }
  return out;
}
