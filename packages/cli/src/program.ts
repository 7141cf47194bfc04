/** The `las` command tree: global options, then a group per kind of entity, the emulator and completion. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { addGlobalOptions, type App } from './define.js';
import { registerAppClients } from './commands/app-clients.js';
import { registerAssets } from './commands/assets.js';
import { registerBatches } from './commands/batches.js';
import { registerCompletion } from './commands/completion.js';
import { registerDatasets } from './commands/datasets.js';
import { registerDocuments } from './commands/documents.js';
import { registerEmulator } from './commands/emulator.js';
import { registerLogs } from './commands/logs.js';
import { registerModels } from './commands/models.js';
import { registerOrganizations } from './commands/organizations.js';
import { registerPlainGroups } from './commands/plain-groups.js';
import { registerPredictions } from './commands/predictions.js';
import { registerSecrets } from './commands/secrets.js';
import { registerTransitions } from './commands/transitions.js';
import { registerUsers } from './commands/users.js';
import { registerWorkflows } from './commands/workflows.js';

/** The package's version, from its package.json (one level up from src/ and dist/ alike). */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Builds the whole tree for one run: commander keeps parse state in its commands. */
export function buildProgram(app: App): Command {
  const program = new Command('las')
    .description('Lucidtech AI Services from the command line: every API operation, and long jobs with progress.')
    .version(version(), '--version', 'print the version')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => app.io.stdout.write(text),
      writeErr: (text) => app.io.stderr.write(text),
      outputError: (text, write) => write(`las: ${text.replace(/^error: /, '')}`),
      getOutHelpWidth: () => app.io.stdout.columns ?? 100,
      getErrHelpWidth: () => app.io.stderr.columns ?? 100,
    });
  addGlobalOptions(program, false);
  for (const register of [
    registerAppClients,
    registerAssets,
    registerBatches,
    registerDatasets,
    registerDocuments,
    registerLogs,
    registerModels,
    registerOrganizations,
    registerPredictions,
    registerSecrets,
    registerTransitions,
    registerUsers,
    registerWorkflows,
    registerPlainGroups,
    registerEmulator,
    registerCompletion,
  ]) {
    register(program, app);
  }
  return program;
}
