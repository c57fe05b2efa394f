// The license-request issue form as GitHub renders it into the issue body: a `### <label>` heading
// per field, then the value (`_No response_` when an optional field was left empty). The body is
// untrusted text: every value is bounded here and escaped wherever it is shown.

/** The form's fields: `label` is the heading GitHub writes, `max` the longest value kept. */
export const REQUEST_FIELDS = [
  { id: 'person', label: 'Person', required: true, max: 200 },
  { id: 'license', label: 'License', required: true, max: 200 },
  { id: 'tier', label: 'Tier', required: true, max: 200 },
  { id: 'reason', label: 'Why', required: true, max: 1000 },
  { id: 'needed-from', label: 'Needed from', required: false, max: 200 },
] as const;

export type FieldId = (typeof REQUEST_FIELDS)[number]['id'];

export interface ParsedForm {
  values: Partial<Record<FieldId, string>>;
  /** Values longer than their field's `max`, cut to it. */
  cut: FieldId[];
  /** What is wrong with the form itself (a required field empty, a field twice). */
  problems: { field: FieldId; label: string; problem: 'missing' | 'twice' }[];
}

/** GitHub refuses bodies over 65,536 characters; a body longer than that was not made by the form. */
const BODY_LIMIT = 65536;
const NO_RESPONSE = '_No response_';

/** At most `max` UTF-16 units, never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The fields of a request issue's body. Headings that are not the form's labels are part of a value. */
export function parseRequestForm(body: string | null | undefined): ParsedForm {
  const lines = (body ?? '').slice(0, BODY_LIMIT).replace(/\r\n?/g, '\n').split('\n');
  const byLabel = new Map<string, (typeof REQUEST_FIELDS)[number]>(REQUEST_FIELDS.map((f) => [f.label.toLowerCase(), f]));
  const raw = new Map<FieldId, string[]>();
  const out: ParsedForm = { values: {}, cut: [], problems: [] };
  let current: string[] | undefined;
  for (const line of lines) {
    const field = /^###[ \t]+(.+?)[ \t]*$/.exec(line)?.[1];
    const known = field === undefined ? undefined : byLabel.get(field.toLowerCase());
    if (known) {
      if (raw.has(known.id)) {
        out.problems.push({ field: known.id, label: known.label, problem: 'twice' });
        current = undefined;
      } else raw.set(known.id, (current = []));
      continue;
    }
    current?.push(line);
  }
  for (const f of REQUEST_FIELDS) {
    const text = (raw.get(f.id) ?? []).join('\n').trim();
    const value = text === NO_RESPONSE ? '' : text;
    if (value === '') {
      if (f.required && !out.problems.some((p) => p.field === f.id)) out.problems.push({ field: f.id, label: f.label, problem: 'missing' });
      continue;
    }
    if (value.length > f.max) out.cut.push(f.id);
    out.values[f.id] = cut(value, f.max);
  }
  return out;
}
