// The shape of a GitHub issue form, as GitHub documents it: "Syntax for issue forms" (top-level
// keys) and "Syntax for GitHub's form schema" (body elements, their attributes and validations),
// docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';

const TOP = new Set(['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body']);
const ATTRIBUTES: Record<string, { allowed: string[]; required: string[] }> = {
  markdown: { allowed: ['value'], required: ['value'] },
  input: { allowed: ['label', 'description', 'placeholder', 'value'], required: ['label'] },
  textarea: { allowed: ['label', 'description', 'placeholder', 'value', 'render'], required: ['label'] },
  dropdown: { allowed: ['label', 'description', 'multiple', 'options', 'default'], required: ['label', 'options'] },
  checkboxes: { allowed: ['label', 'description', 'options'], required: ['label', 'options'] },
};

/** Every way `form` breaks the documented syntax; empty when GitHub would accept it. */
export function issueFormProblems(form: unknown): string[] {
  if (!isObj(form)) return ['the form is not a mapping'];
  const out: string[] = [];
  for (const key of Object.keys(form)) if (!TOP.has(key)) out.push(`${key} is not a permitted key`);
  for (const key of ['name', 'description']) if (!nonEmpty(form[key])) out.push(`${key} must be a non-empty string`);
  for (const key of ['labels', 'assignees']) {
    const v = form[key];
    if (v !== undefined && !nonEmpty(v) && !(Array.isArray(v) && v.every(nonEmpty))) out.push(`${key} must be a string or a list of strings`);
  }
  if (!Array.isArray(form.body) || form.body.length === 0) return [...out, 'body must be a non-empty list'];
  if (!form.body.some((e) => isObj(e) && e.type !== 'markdown')) out.push('body must contain a non-markdown field');
  const ids = new Set<string>();
  const labels = new Set<string>();
  form.body.forEach((e, i) => {
    const at = `body[${i}]`;
    if (!isObj(e)) return void out.push(`${at} is not a mapping`);
    for (const key of Object.keys(e)) if (!['type', 'id', 'attributes', 'validations'].includes(key)) out.push(`${at}.${key} is not a permitted key`);
    const spec = ATTRIBUTES[String(e.type)];
    if (!spec) return void out.push(`${at}.type must be one of ${Object.keys(ATTRIBUTES).join(', ')}`);
    if (e.id !== undefined) {
      if (e.type === 'markdown') out.push(`${at}: markdown takes no id`);
      else if (typeof e.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(e.id)) out.push(`${at}.id must contain only alphanumerics, - and _`);
      else if (ids.has(e.id)) out.push(`${at}.id ${e.id} is not unique`);
      else ids.add(e.id);
    }
    const attrs = e.attributes;
    if (!isObj(attrs)) return void out.push(`${at}.attributes is required`);
    for (const key of Object.keys(attrs)) if (!spec.allowed.includes(key)) out.push(`${at}.attributes.${key} is not permitted for ${String(e.type)}`);
    for (const key of spec.required) if (attrs[key] === undefined || (key !== 'options' && !nonEmpty(attrs[key]))) out.push(`${at}.attributes.${key} is required`);
    if (typeof attrs.label === 'string') {
      if (labels.has(attrs.label.toLowerCase())) out.push(`${at}.attributes.label ${attrs.label} is not unique`);
      labels.add(attrs.label.toLowerCase());
    }
    if (e.validations !== undefined) {
      if (e.type === 'markdown') out.push(`${at}: markdown takes no validations`);
      else if (!isObj(e.validations) || Object.keys(e.validations).some((k) => k !== 'required') || typeof e.validations.required !== 'boolean') out.push(`${at}.validations may hold only required: true|false`);
    }
  });
  return out;
}

/** An issue body as GitHub writes it from a submitted form: a `### label` heading and the answer per field. */
export const renderIssueForm = (fields: Array<[label: string, value: string | undefined]>): string =>
  fields.map(([label, value]) => `### ${label}\n\n${value === undefined || value === '' ? '_No response_' : value}`).join('\n\n');
