// Vitest's global set-up: one folder per test run for what several test files share (the demo site of
// tests/support/demo-site.ts), handed to them with `inject('sharedRoot')` and removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lac-shared-'));
  project.provide('sharedRoot', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
