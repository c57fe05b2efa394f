import type { DirectorySourceImpl } from './types.ts';
import { oktaDirectory } from './okta/index.ts';
import { googleWorkspaceDirectory } from './google-workspace/index.ts';
import { entraIdDirectory } from './entra-id/index.ts';
import { hrCsvDirectory } from './hr-csv/index.ts';
import { scimJsonDirectory } from './scim-json/index.ts';

/** Every directory source by its `directory.source` id, with the default retry policy. */
export const directoryRegistry: ReadonlyMap<string, DirectorySourceImpl> = new Map(
  [oktaDirectory(), googleWorkspaceDirectory(), entraIdDirectory(), hrCsvDirectory(), scimJsonDirectory()].map((s) => [s.id, s]),
);
