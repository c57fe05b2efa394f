import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Entry point: runs the CLI on process arguments (argv as node gives it). */
export async function main(argv: string[]): Promise<number> {
  // `lac history | head` closes the pipe early: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // `lac diff` computes in a worker thread (diff-thread.ts): started first, it loads on the other core while
  // this thread loads the command line's modules. (Loaded only then: other commands load no command's
  // implementation at start, tests/cli/startup.test.ts.)
  if (argv.slice(2).find((a) => !a.startsWith('-')) === 'diff') (await import('./actions/diff-thread.ts')).prestartDiffThread();
  const [{ processIo }, { run }] = await Promise.all([import('./io.ts'), import('./program.ts')]);
  return run(argv.slice(2), processIo());
}

// Run when executed directly (`node src/cli/main.ts`), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv);
}
