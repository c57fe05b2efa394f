/** Paths of numbers and amounts in a JSON report that are not the value of a `{ value, from }` figure, and of figures with no source. */
export function unsourced(json: unknown): { bare: string[]; empty: string[] } {
  const bare: string[] = [];
  const empty: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('value' in o && 'from' in o) {
        const value = o.value;
        if (value !== null && value !== 0 && value !== '0.00' && (o.from as unknown[]).length === 0) empty.push(path);
        return;
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'from') walk(x, `${path}.${k}`);
      return;
    }
    if (typeof v === 'number' || (typeof v === 'string' && /^-?\d+\.\d{2}$/.test(v))) bare.push(path);
  };
  walk(json, '$');
  return { bare, empty };
}
