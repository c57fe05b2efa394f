import type { Account, Peak, Usage } from '../../inventory/schema/index.ts';

// Field order of one account line; fixed so that the same data gives the same bytes.
const ACCOUNT_KEYS = ['account', 'person', 'email', 'login', 'name', 'tier', 'status', 'last_active', 'pending_cancellation', 'signals'] as const;
const PLAIN = /^[A-Za-z0-9_.+\/][A-Za-z0-9_.@+\/ -]*$/;
const RESOLVES_AS_NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9_]*|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A YAML scalar for a flow mapping: plain when unambiguous, else double-quoted (JSON escapes are valid YAML). */
export function scalar(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (PLAIN.test(s) && !s.endsWith(' ') && !RESOLVES_AS_NON_STRING.test(s) && !/^\d{4}-\d{2}-\d{2}T/.test(s)) return s;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return JSON.stringify(s);
}

function accountLine(a: Account): string {
  const parts: string[] = [];
  for (const key of ACCOUNT_KEYS) {
    const v = a[key];
    if (v === undefined) continue;
    if (key === 'signals') {
      const entries = Object.entries(v as Record<string, number>).sort(([x], [y]) => (x < y ? -1 : 1));
      parts.push(`signals: { ${entries.map(([k, n]) => `${k}: ${n}`).join(', ')} }`);
    } else parts.push(`${key}: ${scalar(v)}`);
  }
  return `  - { ${parts.join(', ')} }`;
}

// Field order of one peak line, as for accounts.
const PEAK_KEYS = ['date', 'tier', 'in_use', 'hours', 'users', 'denials'] as const;

function peakLine(p: Peak): string {
  return `  - { ${PEAK_KEYS.filter((k) => p[k] !== undefined).map((k) => `${k}: ${scalar(p[k])}`).join(', ')} }`;
}

const byDayAndTier = (a: Peak, b: Peak) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.tier ?? '') < (b.tier ?? '') ? -1 : (a.tier ?? '') > (b.tier ?? '') ? 1 : 0);

const byAccount = (a: Account, b: Account) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);

/** The snapshot file's exact text: schema header, sorted accounts one per line, sorted peaks and tiers. */
export function serializeSnapshot(u: Usage): string {
  const lines = [
    '# yaml-language-server: $schema=../../schemas/usage.schema.json',
    '# Written by `lac pull`; edit the license file, not this one.',
    `license: ${u.license}`,
    `source: ${scalar(u.source)}`,
    `taken: ${u.taken}`,
  ];
  if (u.vendor_entitled && Object.keys(u.vendor_entitled).length > 0) {
    const entries = Object.entries(u.vendor_entitled).sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(`vendor_entitled: { ${entries.map(([k, n]) => `${scalar(k)}: ${n}`).join(', ')} }`);
  }
  if (u.peaks && u.peaks.length > 0) {
    lines.push('peaks:');
    for (const p of [...u.peaks].sort(byDayAndTier)) lines.push(peakLine(p));
  }
  lines.push(u.accounts.length ? 'accounts:' : 'accounts: []');
  for (const a of [...u.accounts].sort(byAccount)) lines.push(accountLine(a));
  return `${lines.join('\n')}\n`;
}
