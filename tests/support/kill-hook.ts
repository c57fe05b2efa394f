// Preloaded (`node --import`) into a child lac by the kill tests: swaps node:fs/promises for a
// copy whose writes SIGKILL the process at an injected point, so a test can stop a writer mid-write
// for certain instead of hoping a timer lands there. LAC_TEST_KILL: "write:<bytes>" (after that
// many bytes of the first write to a path matching LAC_TEST_KILL_PATH) or "rename" (right after
// the first rename onto such a path).
import { registerHooks } from 'node:module';

const SHIM = new URL('./kill-fs.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, next) {
    if ((specifier === 'node:fs/promises' || specifier === 'fs/promises') && context.parentURL !== SHIM) return { url: SHIM, shortCircuit: true };
    return next(specifier, context);
  },
});
