// node:fs/promises with a SIGKILL at the point LAC_TEST_KILL names (see kill-hook.ts).
import * as real from 'node:fs/promises';

const [step, arg] = (process.env.LAC_TEST_KILL ?? '').split(':');
const match = new RegExp(process.env.LAC_TEST_KILL_PATH ?? '$^');
const die = () => process.kill(process.pid, 'SIGKILL');

/** Writes the first `arg` bytes of data to the handle, then dies. */
async function writeThenDie(fh: real.FileHandle, data: unknown): Promise<never> {
  const bytes = Buffer.from(data as string | Uint8Array);
  await fh.write(bytes.subarray(0, Number(arg)));
  await fh.sync();
  die();
  return new Promise(() => {});
}

export const open: typeof real.open = async (path, flags, mode) => {
  const fh = await real.open(path, flags, mode);
  if (step === 'write' && match.test(String(path))) fh.writeFile = (data) => writeThenDie(fh, data);
  return fh;
};

export const writeFile: typeof real.writeFile = async (path, data, options) => {
  if (step !== 'write' || !match.test(String(path))) return real.writeFile(path, data, options);
  return writeThenDie(await real.open(path as string, 'w'), data);
};

export const rename: typeof real.rename = async (from, to) => {
  await real.rename(from, to);
  if (step === 'rename' && match.test(String(to))) die();
};

export const { access, appendFile, chmod, chown, copyFile, cp, glob, lchown, link, lstat, lutimes, mkdir, mkdtemp, opendir, readdir, readFile, readlink, realpath, rm, rmdir, stat, statfs, symlink, truncate, unlink, utimes, watch, constants } = real;
export default { ...real, open, writeFile, rename };
