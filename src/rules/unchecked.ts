import { brokenKey, type Inventory, type Loc } from '../inventory/model.ts';
import type { Kind } from '../inventory/schema/index.ts';
import type { Emitted } from './rule.ts';

export type Target = 'person' | 'vendor' | 'license' | 'contract' | 'department';

const KIND: Record<Target, Kind> = { person: 'people', vendor: 'vendor', license: 'license', contract: 'contract', department: 'org' };

/** The broken file a reference points into, if any: then it cannot be checked. */
export function brokenTarget(inv: Inventory, target: Target, id: string): string | undefined {
  const kind = KIND[target];
  return target === 'person' || target === 'department' ? inv.broken.get(brokenKey(kind)) : inv.broken.get(brokenKey(kind, id));
}

const LISTED = 3;

/**
 * Collects references into broken files and reports them once per broken file, on its first
 * line, instead of one "does not exist" per reference (a broken people.yaml would otherwise
 * make every seat an error). The parse error itself is reported, located, by the loader.
 */
export function uncheckedReferences(): { add(from: Pick<Loc, 'file'>, target: Target, id: string, broken: string): void; report(emit: (e: Emitted) => void): void } {
  const byFile = new Map<string, { what: string; from: Set<string> }>();
  return {
    add(from, target, id, broken) {
      let entry = byFile.get(broken);
      if (!entry) byFile.set(broken, (entry = { what: target === 'person' ? 'people' : target === 'department' ? 'departments' : `${target} "${id}"`, from: new Set() }));
      entry.from.add(from.file);
    },
    report(emit) {
      for (const [broken, { what, from }] of byFile) {
        const files = [...from].sort();
        const listed = files.slice(0, LISTED).join(', ') + (files.length > LISTED ? ` and ${files.length - LISTED} more` : '');
        emit({
          loc: { file: broken, line: 1, column: 1 },
          severity: 'warning',
          message: `references to ${what} from ${files.length === 1 ? '1 file' : `${files.length} files`} (${listed}) are not checked because ${broken} is broken`,
          hint: `fix the error in ${broken}; the references are checked again then`,
        });
      }
    },
  };
}
