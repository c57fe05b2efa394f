/** A snapshot ID from an app or merchant name: lowercase letters and digits joined by "-". */
export function appSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // The ID pattern refuses Windows device names and ".lock" endings; an empty name needs a value too.
  return slug === '' || /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(slug) ? `app-${slug || 'unnamed'}` : slug;
}

/** The lowercase host of a URL-ish value, or undefined. */
export function hostOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return undefined;
  try {
    const host = new URL(value).hostname.toLowerCase();
    return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) && !/^\d+(?:\.\d+){3}$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** The domain of an email address, lowercase. */
export const emailDomain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Whether an account belongs to a work domain (or one of its subdomains). */
export function isWorkAccount(email: string, workDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return email.includes('@') && workDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
