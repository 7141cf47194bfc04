import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root: where scripts run by {@link runNode} are found. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `node <args>` (cwd: the repository) to its end and resolves with its stdout; rejects with
 * the exit code and what it printed when it does not exit 0. `env` is the child's whole environment.
 */
export async function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  // A program given with -e is left out of the message: it can be long.
  if (code !== 0) throw new Error(`node ${args.filter((arg) => arg.length <= 200).join(' ')} exited with ${code}: ${stderr}${stdout}`);
  return stdout;
}
