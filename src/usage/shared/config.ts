import { ConnectorError } from '../types.ts';

/** A required string from `usage.config`. */
export function requiredString(config: Record<string, unknown>, key: string, vendor: string, example: string): string {
  const value = config[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new ConnectorError(
    `${vendor}: usage.config.${key} is ${value === undefined ? 'missing' : 'not a text value'}`,
    `Add it to the license file, e.g. \`${key}: ${example}\`.`,
  );
}

/** An optional string from `usage.config` (numbers are accepted and turned into text). */
export function optionalString(config: Record<string, unknown>, key: string, vendor: string): string | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  throw new ConnectorError(`${vendor}: usage.config.${key} must be text, not ${typeof value}`);
}

/** An optional positive integer from `usage.config`. */
export function optionalInteger(config: Record<string, unknown>, key: string, vendor: string, fallback: number): number {
  const value = config[key];
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
  throw new ConnectorError(`${vendor}: usage.config.${key} must be a positive whole number, not ${JSON.stringify(value)}`);
}

/** An optional `{ vendorValue: ourValue }` map from `usage.config` (e.g. `tiers`). */
export function stringMap(config: Record<string, unknown>, key: string, vendor: string): Map<string, string> {
  const value = config[key];
  const map = new Map<string, string>();
  if (value === undefined || value === null) return map;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConnectorError(`${vendor}: usage.config.${key} must be a mapping like \`${key}: { "vendor value": tier-id }\``);
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new ConnectorError(`${vendor}: usage.config.${key}.${k} must be text, not ${JSON.stringify(v)}`);
    }
    map.set(k, String(v));
  }
  return map;
}

/** A base URL from `usage.config.<key>` or the vendor's default, without a trailing slash. */
export function baseUrl(config: Record<string, unknown>, key: string, vendor: string, fallback: string): string {
  const raw = optionalString(config, key, vendor) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError(`${vendor}: usage.config.${key} is not a URL: ${JSON.stringify(raw)}`);
  }
  // Credentials travel with every request: plain http only to this machine (tests, local proxies).
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConnectorError(`${vendor}: usage.config.${key} must be an https URL, not ${url.protocol}//${url.host}`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads the named variables, failing with the names (never values) of those missing. */
export function requireEnv<K extends string>(
  env: Record<string, string | undefined>,
  names: readonly K[],
  vendor: string,
): Record<K, string> {
  const missing = names.filter((n) => !env[n] || env[n]?.trim() === '');
  if (missing.length > 0) {
    throw new ConnectorError(
      `${vendor}: environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
      'Set them in the environment of `lac pull` (in Actions: repository secrets); see src/usage/README.md.',
    );
  }
  return Object.fromEntries(names.map((n) => [n, (env[n] ?? '').trim()])) as Record<K, string>;
}

const SIGNAL_NAME = /^[a-z][a-z0-9_]*$/;

/** A `{ vendorField: signal_name }` map whose signal names fit the snapshot schema. */
export function signalMap(config: Record<string, unknown>, key: string, vendor: string, direction: 'signal-first' | 'field-first'): Map<string, string> {
  const map = stringMap(config, key, vendor);
  for (const [k, v] of map) {
    const name = direction === 'signal-first' ? k : v;
    if (!SIGNAL_NAME.test(name)) {
      throw new ConnectorError(
        `${vendor}: usage.config.${key}: "${name}" is not a signal name`,
        'Signal names are lowercase letters, digits and underscores, starting with a letter (e.g. edits_90d).',
      );
    }
  }
  return map;
}

/** Warns about `usage.config` keys the connector does not read (a typo would otherwise pass silently). */
export function warnUnknownKeys(config: Record<string, unknown>, known: readonly string[], vendor: string, warnings: string[]): void {
  const unknown = Object.keys(config).filter((k) => !known.includes(k)).sort();
  if (unknown.length > 0) {
    warnings.push(`${vendor}: usage.config ${unknown.length > 1 ? 'keys' : 'key'} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not read by this connector (it reads ${[...known].sort().join(', ')})`);
  }
}
