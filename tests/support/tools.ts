// Programs the tests take from Debian (chromium, shellcheck): a CI run fails without them, a local run skips and says why.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { it } from 'vitest';

export interface Tool {
  name: string;
  /** Absolute path, or a bare name looked up on PATH. */
  path: string;
  /** How to install it, e.g. `apt-get install -y chromium`. */
  install: string;
}

/** Whether this run is CI: GitHub Actions, and most CI services, set CI=true. */
export function inCI(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim() ?? '';
  return value !== '' && !/^(0|false)$/i.test(value);
}

/** The tool's absolute path, or undefined when it is not installed. */
export function locate(tool: Tool): string | undefined {
  if (tool.path.includes('/')) return existsSync(tool.path) ? tool.path : undefined;
  return (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, tool.path)).find((p) => existsSync(p));
}

/**
 * The tool's path when it is installed. When it is not: in CI a failing test says so, because a CI
 * run must not pass by skipping what it cannot run; elsewhere the reason is printed and the caller
 * skips its tests (`describe.runIf(path !== undefined)`).
 */
export function requireTool(tool: Tool): string | undefined {
  const found = locate(tool);
  if (found) return found;
  const reason = `${tool.name} is not installed (${tool.path}); install it with \`${tool.install}\``;
  if (inCI()) {
    it(`has ${tool.name}`, () => {
      throw new Error(`${reason}. CI=true: these tests must run here, not skip.`);
    });
  } else {
    console.warn(`skipping the tests that need ${tool.name}: ${reason}`);
  }
  return undefined;
}
