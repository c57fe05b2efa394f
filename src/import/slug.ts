import { ID_PATTERN } from '../inventory/schema/common.ts';

const idPattern = new RegExp(ID_PATTERN);

/** A lac ID from a name: lowercase ASCII letters and digits joined by "-", never a Windows device name or "*.lock". */
export function slug(name: string, separator = '-'): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9.]+/g, separator)
    .replace(/[._-]{2,}/g, separator)
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 56)
    .replace(/[._-]+$/, '');
  const id = base === '' ? 'unnamed' : base;
  return idPattern.test(id) ? id : `${id.replace(/\.lock$/, '')}${separator}app`;
}

/** `base`, or `base-2`, `base-3`... the first one `taken` does not hold; marks it taken. */
export function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
