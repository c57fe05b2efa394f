import { ConnectorError } from '../../usage/types.ts';
import { warnUnknownKeys } from '../../usage/shared/config.ts';
import { readExport } from '../../usage/import/file.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { fullName, makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';

const VENDOR = 'SCIM file';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * Maps a SCIM 2.0 User (RFC 7643 §4.1, and the enterprise extension of §4.3: department,
 * costCenter, manager.value): `active: false` is a leaver. The primary (else first) work email is the email.
 */
export function mapScimUser(user: unknown, where: string): DirectoryEntry | undefined {
  if (!isRecord(user)) return undefined;
  const emails = Array.isArray(user.emails) ? user.emails.filter(isRecord) : [];
  const primary = emails.find((e) => e.primary === true) ?? emails.find((e) => e.type === 'work') ?? emails[0];
  const ext = isRecord(user[ENTERPRISE]) ? user[ENTERPRISE] : {};
  const name = isRecord(user.name) ? user.name : {};
  const manager = isRecord(ext.manager) ? ext.manager : {};
  return makeEntry({
    directoryId: user.externalId ?? user.id,
    email: primary?.value ?? (toText(user.userName)?.includes('@') ? user.userName : undefined),
    aliases: emails.map((e) => e.value),
    name: user.displayName ?? name.formatted ?? fullName(name.givenName, name.familyName),
    department: ext.department,
    title: user.title,
    costCentre: ext.costCenter,
    employmentType: user.userType,
    manager: manager.value,
    status: user.active === false ? 'leaver' : 'active',
    where,
  });
}

/** A SCIM ListResponse (`Resources`) or a plain array of SCIM Users, committed to the repository as JSON. */
export function scimJsonDirectory(): DirectorySourceImpl {
  return {
    id: 'scim-json',
    env: [],
    async pull(ctx: DirectoryContext): Promise<DirectoryResult> {
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['path', 'departments'], VENDOR, warnings);
      const { text, shown } = await readExport(ctx.config, VENDOR);
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new ConnectorError(`${shown}: not JSON (${(error as Error).message})`, 'Export the users as a SCIM ListResponse or a JSON array of SCIM Users.');
      }
      const users = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.Resources) ? doc.Resources : undefined;
      if (users === undefined) throw new ConnectorError(`${shown}: neither a SCIM ListResponse with "Resources" nor an array of users`);
      const entries: DirectoryEntry[] = [];
      users.forEach((user, i) => {
        const entry = mapScimUser(user, `${shown} Resources[${i}]`);
        if (entry) entries.push(entry);
        else warnings.push(`${shown}: user ${i} skipped: no id or no email`);
      });
      return { entries, warnings };
    },
  };
}
