import { KIND_INFO, schemaFileName, type Kind } from './kinds.ts';

/** The JSON Schema document (draft 2020-12) of a kind, as committed under schemas/. */
export function schemaDocument(kind: Kind): Record<string, unknown> {
  const info = KIND_INFO[kind];
  // A JSON round trip drops TypeBox's non-enumerable symbols and fixes the key order.
  const body = JSON.parse(JSON.stringify(info.schema)) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: schemaFileName(kind), title: info.title, ...body };
}

/** The exact bytes of a committed schema file. */
export const schemaText = (kind: Kind) => `${JSON.stringify(schemaDocument(kind), null, 2)}\n`;
