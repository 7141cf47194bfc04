/**
 * One emulator per data directory: a lock file holding the owner's pid. A lock whose process is
 * gone (killed, crashed) is stale and taken over, so a crash never leaves the directory stuck.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LasError } from 'las-sdk/errors';

/** Name of the lock file inside a data directory. */
export const LOCK_FILE = 'las-emulator.lock';

/** Another running emulator holds the data directory. */
export class DataDirInUseError extends LasError {
  /** Always `'DataDirInUseError'`. */
  override name = 'DataDirInUseError';

  constructor(
    /** The data directory. */
    readonly dataDir: string,
    /** Process id of the emulator that holds it. */
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another LAS emulator (pid ${pid}): stop that one, or give this one ` +
        `another data directory. (If no emulator runs as pid ${pid}, delete ${path.join(dataDir, LOCK_FILE)}.)`,
    );
  }
}

/** Takes the lock of `dataDir` for this process; the function returned gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  // Written aside, then hard-linked into place: link fails when the lock exists, and a lock
  // that exists always holds its pid (never an empty file from a crash between open and write).
  const temp = path.join(dataDir, `${LOCK_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(temp, mine, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = holderOf(file);
      if (holder !== undefined && alive(holder)) throw new DataDirInUseError(dataDir, holder);
      // Stale. Two emulators taking over the same stale lock in the same instant could both
      // succeed; starting two at once on one directory after a crash is not worth a harder lock.
      if (attempt >= 2) throw new DataDirInUseError(dataDir, holder ?? NaN);
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to give back.
    }
  };
}

function holderOf(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
