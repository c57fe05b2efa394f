// The package-lock.json of a new license repository whose lac comes from a vendored tarball. npm
// does not read the npm-shrinkwrap.json inside a `file:` tarball, so without this lockfile a
// repository would resolve lac's dependencies afresh (other versions than lac was tested with).
// It is lac's own shrinkwrap, cut to what lac needs (a dependency) and what the `node` package
// needs (a dev dependency, which `npm ci --omit=dev` in the workflows leaves out).

type Entry = Record<string, unknown> & {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

export interface Shrinkwrap {
  lockfileVersion: number;
  packages: Record<string, Entry>;
}

export interface RepoLockOptions {
  /** The new repository's package name. */
  name: string;
  /** dependencies of the new repository (lac's spec). */
  dependencies: Record<string, string>;
  /** devDependencies of the new repository (node's spec). */
  devDependencies: Record<string, string>;
  /** The tarball's path relative to the repository and its npm integrity (sha512-...). */
  tarball: { path: string; integrity: string };
}

/** Where Node would find `dep` required from the package at `from` (a lockfile key). */
function locate(packages: Record<string, Entry>, from: string, dep: string): string | undefined {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const key = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[key]) return key;
    if (!base) return undefined;
  }
}

/** Every lockfile key reachable from `roots` through dependencies, optional and peer dependencies. */
function closure(packages: Record<string, Entry>, roots: { from: string; deps: string[] }[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.flatMap((r) => r.deps.map((d) => locate(packages, r.from, d)));
  while (queue.length > 0) {
    const key = queue.pop();
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const e = packages[key]!;
    for (const d of Object.keys({ ...e.dependencies, ...e.optionalDependencies, ...e.peerDependencies })) queue.push(locate(packages, key, d));
  }
  return seen;
}

/** The lockfile (as text) that installs exactly lac's tested dependency tree beside the vendored lac. */
export function repoLockfile(shrink: Shrinkwrap, o: RepoLockOptions): string {
  const own = shrink.packages['']!;
  const lacNeeds = closure(shrink.packages, [{ from: '', deps: Object.keys({ ...own.dependencies, ...own.optionalDependencies }) }]);
  const devNeeds = closure(shrink.packages, Object.keys(o.devDependencies).map((d) => ({ from: '', deps: [d] })));
  const lac: Entry = {
      version: own.version,
      resolved: `file:${o.tarball.path}`,
      integrity: o.tarball.integrity,
      ...(own.license ? { license: own.license } : {}),
      ...(own.dependencies ? { dependencies: own.dependencies } : {}),
      ...(own.bin ? { bin: own.bin } : {}),
      ...(own.engines ? { engines: own.engines } : {}),
  };
  const packages: Record<string, Entry> = { '': { name: o.name, dependencies: o.dependencies, devDependencies: o.devDependencies } };
  for (const key of [...new Set([...lacNeeds, ...devNeeds]), 'node_modules/lac'].sort()) {
    if (key === 'node_modules/lac') {
      packages[key] = lac;
      continue;
    }
    const { dev: _dev, devOptional: _devOptional, ...rest } = shrink.packages[key]!;
    // npm's mark: a package only dev dependencies need is `dev`, one that lac needs is not.
    packages[key] = lacNeeds.has(key) ? rest : { ...rest, dev: true };
  }
  return `${JSON.stringify({ name: o.name, lockfileVersion: shrink.lockfileVersion, requires: true, packages }, null, 2)}\n`;
}
