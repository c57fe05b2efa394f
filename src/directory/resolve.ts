import type { Department, Person } from '../inventory/schema/index.ts';

/**
 * Turns a source's department name into an org.yaml department ID: `directory.config.departments`
 * first (`{ "Software Engineering": engineering }`), then an org department whose ID or name matches.
 */
export function departmentResolver(departments: Department[], configured: Map<string, string>): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const d of departments) {
    byName.set(d.id.toLowerCase(), d.id);
    byName.set(d.name.toLowerCase(), d.id);
  }
  return (name) => configured.get(name) ?? byName.get(name.toLowerCase());
}

/** Looks people up by directory ID and by email or alias (lowercased). */
export class PeopleIndex {
  private readonly byDirectoryId = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();

  add(person: Pick<Person, 'id' | 'email' | 'aliases' | 'directory_id'>): void {
    if (person.directory_id) this.byDirectoryId.set(person.directory_id, person.id);
    for (const address of [person.email, ...(person.aliases ?? [])]) {
      const key = address.toLowerCase();
      if (!this.byEmail.has(key)) this.byEmail.set(key, person.id);
    }
  }

  byId(directoryId: string): string | undefined {
    return this.byDirectoryId.get(directoryId);
  }

  byAddress(...addresses: string[]): string | undefined {
    for (const a of addresses) {
      const id = this.byEmail.get(a.toLowerCase());
      if (id !== undefined) return id;
    }
    return undefined;
  }
}

/** A new person ID from an email's local part ("Ada.Lovelace+x@..." -> "ada.lovelace"), unique among `taken`. */
export function newPersonId(email: string, taken: Set<string>): string {
  const local = email.split('@')[0]!.split('+')[0]!;
  const slug = local.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '').slice(0, 56).replace(/\.lock$/, '.lock1') || 'person';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}.${n}`;
  taken.add(id);
  return id;
}
