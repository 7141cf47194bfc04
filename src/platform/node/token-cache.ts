/** The disk token cache of {@link Credentials} with `useCache`: `~/.lucidtech/token-cache.json`, 0600. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Why `useCache` cannot be used here: never, in Node. */
export const tokenCacheProblem: string | undefined = undefined;

function cachePath(): string {
  return path.join(os.homedir(), '.lucidtech', 'token-cache.json');
}

/** The cache's entries by profile. */
// The cache is an optimisation: an unreadable or corrupt file counts as empty.
export function readCache(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(cachePath(), 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.assign(Object.create(null), parsed) as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  return Object.create(null) as Record<string, unknown>;
}

/** Replaces the cache's entries. */
// Temp file + rename: a concurrent reader in another process sees the old file or the new one, never half.
export function writeCache(cache: Record<string, unknown>): void {
  const target = cachePath();
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, JSON.stringify(cache, null, 2), { mode: 0o600 });
    fs.renameSync(temp, target);
    fs.chmodSync(target, 0o600);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to do: the cache is optional
    }
  }
}
