// Mutations of inventory files for the fuzzing test: bytes, YAML structure and values.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'line'; at: number; op: 'delete' | 'duplicate' | 'indent' | 'dedent' | 'truncate' }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'value'; at: number; value: string };

// Tokens that change YAML structure where they land.
const TOKENS = ['{', '}', '[', ']', ': ', '- ', '&a ', '*a ', '!!binary ', '? ', '|\n', '#', '"', "'", '\t', '\n  ', ',', '<<: *a\n', '\u0000', '\ufeff'];

// Values put in place of a scalar: dates, numbers, IDs, huge numbers, empty values.
const VALUES = [
  '2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', '1970-01-01', '2026-1-1',
  '-1', '0', '0.5', '1e308', '4294967296', '99999999999999999999', '10000000', '9007199254740993', '.inf', '.nan', '"12.3456789"', '"-5.00"',
  'figma', 'nobody', 'ada.lovelace', 'a.lock', '"../x"', 'unlimited', 'true', 'null',
  '""', '~', '[]', '{}', '"x"', `"${'x'.repeat(5000)}"`,
];

/** One mutation; `at` is a position taken modulo the file's size (or number of lines or values). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), op: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const, 'truncate' as const) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
);

// A scalar after "key: " in block or flow style, up to the next separator.
const SCALAR = /([\w-]*)(:[ ]+)([^\s,{}[\]#][^,{}[\]#\n]*?)(?=[ ]*(?:[,}\]\n#]|$))/g;

/** Values as generated: huge quantities included (the schema caps them at 10,000,000; costs are split in closed form). */
const valueFor = (_key: string, value: string) => value;

function editLines(text: string, at: number, op: Extract<Mutation, { kind: 'line' }>['op']): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  if (op === 'delete') lines.splice(i, 1);
  else if (op === 'duplicate') lines.splice(i, 0, lines[i]!);
  else if (op === 'indent') lines[i] = `  ${lines[i]}`;
  else if (op === 'dedent') lines[i] = lines[i]!.replace(/^ {1,2}/, '');
  else return lines.slice(0, i).join('\n') + '\n' + lines[i]!.slice(0, Math.floor(lines[i]!.length / 2));
  return lines.join('\n');
}

/** Applies a mutation to a file's bytes. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'byte') {
    const out = new Uint8Array(bytes);
    if (out.length > 0) out[m.at % out.length] = m.byte;
    return out;
  }
  const text = new TextDecoder().decode(bytes);
  let next: string;
  if (m.kind === 'line') next = editLines(text, m.at, m.op);
  else if (m.kind === 'insert') {
    const i = m.at % (text.length + 1);
    next = text.slice(0, i) + m.text + text.slice(i);
  } else {
    const found = [...text.matchAll(SCALAR)];
    const hit = found[m.at % Math.max(1, found.length)];
    next = hit ? text.slice(0, hit.index + hit[1]!.length + hit[2]!.length) + valueFor(hit[1]!, m.value) + text.slice(hit.index + hit[0].length) : text;
  }
  return new TextEncoder().encode(next);
}
