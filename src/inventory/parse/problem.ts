import type { Pos } from './positions.ts';

/** Something wrong with a file that prevents reading it as intended (before any schema or rule). */
export interface ParseProblem extends Pos {
  rule: 'yaml-syntax' | 'duplicate-key' | 'yaml-alias-limit' | 'multiple-documents';
  message: string;
  hint?: string;
}
