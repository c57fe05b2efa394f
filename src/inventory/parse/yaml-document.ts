import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type * as YamlPackage from 'yaml';
import type { ParseProblem } from './problem.ts';
import type { Path, Pos, SourceMap } from './positions.ts';

/** A document parsed by the `yaml` package: its data, a lazy source map and every problem found. */
export interface YamlParse {
  data: unknown;
  map: SourceMap;
  problems: ParseProblem[];
}

let yamlPackage: typeof YamlPackage | undefined;
/**
 * The `yaml` package, loaded the first time a file needs it (it is CommonJS: `require` loads it
 * synchronously). The byte and line scanners read the usual files without it, and its 77 modules
 * were a third of what `lac diff`'s thread loaded before it could ask git for anything.
 */
const yaml = (): typeof YamlPackage => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof YamlPackage);

// Far more than any honest inventory file uses; stops "billion laughs" alias bombs.
const MAX_ALIAS_COUNT = 1000;

/** Parses one YAML file with full source positions (YAML 1.2 core schema: dates stay strings). */
export function parseYamlDocument(text: string): YamlParse {
  const { LineCounter, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core' });
  const list = Array.isArray(docs) ? docs : [];
  const problems: ParseProblem[] = [];
  const at = (offset: number): Pos => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (!Array.isArray(docs)) {
    // An empty stream: the caller reports empty files before parsing, so this is comments only.
    return { data: null, map: { locate: () => ({ line: 1, column: 1 }) }, problems };
  }
  for (const doc of list) {
    for (const err of doc.errors) {
      problems.push({
        rule: err.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
        message: err.code === 'DUPLICATE_KEY' ? 'duplicate key: a key may appear only once in a mapping' : cleanMessage(err.message),
        ...at(err.pos[0]),
        hint: err.code === 'DUPLICATE_KEY' ? 'remove or rename one of the two entries' : 'fix the YAML syntax at this position',
      });
    }
  }
  const first = list[0] as Document.Parsed | undefined;
  if (list.length > 1) {
    const second = list[1]?.range?.[0] ?? 0;
    problems.push({ rule: 'multiple-documents', message: 'the file holds more than one YAML document ("---")', ...at(second), hint: 'keep one document per file' });
  }
  let data: unknown = null;
  if (first && first.errors.length === 0) {
    try {
      data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      problems.push({ rule: 'yaml-alias-limit', message: `too many alias expansions (${(e as Error).message})`, line: 1, column: 1, hint: 'write the values out instead of using anchors and aliases' });
      data = null;
    }
  }
  const root = first?.contents ?? null;
  return { data, map: astSourceMap(root as Node | null, at), problems };
}

function cleanMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, '').replace(/\s+/g, ' ').trim();
}

/** Walks the AST along a path; stops at the deepest node found. */
function astSourceMap(root: Node | null, at: (offset: number) => Pos): SourceMap {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  return {
    locate(path: Path, target: 'value' | 'key' = 'value'): Pos {
      let node: unknown = root;
      let offset = (root as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
      for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        const last = i === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
          if (!pair) break;
          const key = pair.key as Node;
          if (last && target === 'key') return at(key.range?.[0] ?? offset);
          const value = pair.value as Node | null;
          offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
          if (!value) return at(key.range?.[0] ?? offset);
          node = value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as Node | undefined;
          if (!item) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else break;
      }
      return at(offset);
    },
  };
}
