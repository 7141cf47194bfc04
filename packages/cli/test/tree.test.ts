/**
 * The command tree against the contract: every command of CLI.md's table (and the flags it names)
 * exists, nothing else does, each of API.md's 68 operations has its command, and every command
 * has help text.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildProgram } from '../src/program.js';
import { capture, cli } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** CLI.md's table: group -> command -> the flags named beside it. */
function contractCommands(): Map<string, Map<string, string[]>> {
  const groups = new Map<string, Map<string, string[]>>();
  for (const line of fixture('cli-commands.md').split('\n').slice(2)) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    if (cells.length < 3 || !cells[1]) continue;
    const group = cells[1].replace(/\s*\(\+\)$/, '');
    const commands = new Map<string, string[]>();
    if (group === 'completion') commands.set('', []);
    else {
      for (const entry of cells[2].split(/:\s/)[0].split(/,\s*/)) {
        const name = entry.trim().split(/\s+/)[0];
        commands.set(name, [...entry.matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]));
      }
    }
    groups.set(group, commands);
  }
  for (const [group, name] of commands2024()) {
    if (!groups.has(group)) groups.set(group, new Map());
    groups.get(group)!.set(name, []);
  }
  return groups;
}

/** The commands CLI.md's "API versions" says 2024-11-29 adds, as [group, command]: `models create-training, list-trainings` names the group once. */
function commands2024(): [string, string][] {
  const out: [string, string][] = [];
  let group = '';
  for (const [, item] of fixture('cli-2024-commands.md').matchAll(/`([^`]+)`/g)) {
    const words = item.split(' ');
    if (words.length === 2) group = words[0];
    for (const name of words.at(-1)!.split('|')) out.push([group, name]);
  }
  return out;
}

/** Every API operation (API.md's seed method names) and the command that performs it. */
const OPERATIONS: Record<string, string> = {
  create_app_client: 'app-clients create',
  list_app_clients: 'app-clients list',
  update_app_client: 'app-clients update',
  delete_app_client: 'app-clients delete',
  create_asset: 'assets create',
  list_assets: 'assets list',
  get_asset: 'assets get',
  update_asset: 'assets update',
  delete_asset: 'assets delete',
  create_batch: 'batches create',
  list_batches: 'batches list',
  update_batch: 'batches update',
  delete_batch: 'batches delete',
  create_dataset: 'datasets create',
  list_datasets: 'datasets list',
  '(GET /datasets/{id})': 'datasets get',
  update_dataset: 'datasets update',
  delete_dataset: 'datasets delete',
  create_document: 'documents create',
  list_documents: 'documents list',
  get_document: 'documents get',
  update_document: 'documents update',
  delete_document: 'documents delete',
  delete_documents: 'documents delete-all',
  get_log: 'logs get',
  list_logs: 'logs list',
  create_model: 'models create',
  list_models: 'models list',
  get_model: 'models get',
  update_model: 'models update',
  delete_model: 'models delete',
  create_data_bundle: 'models create-data-bundle',
  list_data_bundles: 'models list-data-bundles',
  update_data_bundle: 'models update-data-bundle',
  delete_data_bundle: 'models delete-data-bundle',
  get_organization: 'organizations get',
  update_organization: 'organizations update',
  create_prediction: 'predictions create',
  list_predictions: 'predictions list',
  create_secret: 'secrets create',
  list_secrets: 'secrets list',
  update_secret: 'secrets update',
  delete_secret: 'secrets delete',
  create_transition: 'transitions create',
  list_transitions: 'transitions list',
  get_transition: 'transitions get',
  update_transition: 'transitions update',
  delete_transition: 'transitions delete',
  execute_transition: 'transitions execute',
  list_transition_executions: 'transitions list-executions',
  get_transition_execution: 'transitions get-execution',
  update_transition_execution: 'transitions update-execution',
  send_heartbeat: 'transitions heartbeat',
  create_user: 'users create',
  list_users: 'users list',
  get_user: 'users get',
  update_user: 'users update',
  delete_user: 'users delete',
  create_workflow: 'workflows create',
  list_workflows: 'workflows list',
  get_workflow: 'workflows get',
  update_workflow: 'workflows update',
  delete_workflow: 'workflows delete',
  execute_workflow: 'workflows execute',
  list_workflow_executions: 'workflows list-executions',
  get_workflow_execution: 'workflows get-execution',
  update_workflow_execution: 'workflows update-execution',
  delete_workflow_execution: 'workflows delete-execution',
};

const program = buildProgram({ io: { stdout: capture(), stderr: capture(), stdin: process.stdin, env: {} } });
const real = (commands: readonly Command[]) => commands.filter((c) => c.name() !== 'help');
const leaves = real(program.commands).flatMap((g) => (real(g.commands).length ? real(g.commands).map((l) => [g, l] as const) : [[g, g] as const]));
const path = (group: Command, leaf: Command) => (group === leaf ? group.name() : `${group.name()} ${leaf.name()}`);
const treePaths = leaves.map(([g, l]) => path(g, l));

test('API.md lists 68 operations, and each has its command in the tree', () => {
  const operations = fixture('api-operations.md')
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split('|')[1].trim());
  expect(operations).toHaveLength(68);
  expect(Object.keys(OPERATIONS).sort()).toEqual([...operations].sort());
  const missing = operations.filter((op) => !treePaths.includes(OPERATIONS[op]));
  expect(missing).toEqual([]);
});

test('the tree holds exactly the commands of CLI.md, with the flags it names', () => {
  const contract = contractCommands();
  const expected = [...contract].flatMap(([group, commands]) => [...commands.keys()].map((c) => (c ? `${group} ${c}` : group)));
  expect([...treePaths].sort()).toEqual([...expected].sort());
  for (const [group, commands] of contract) {
    for (const [name, flags] of commands) {
      const command = name ? `${group} ${name}` : group;
      const leaf = leaves.find(([g, l]) => path(g, l) === command)![1];
      // The command is named in the failure message.
      for (const flag of flags) expect({ command, flag, present: leaf.options.some((o) => o.long === flag) }).toEqual({ command, flag, present: true });
    }
  }
});

test.each(treePaths)('las %s --help describes the command and exits 0', async (commandPath) => {
  const [group, leaf] = leaves.find(([g, l]) => path(g, l) === commandPath)!;
  expect(leaf.description().length).toBeGreaterThan(10);
  expect(group.description().length).toBeGreaterThan(10);
  const result = await cli([...commandPath.split(' '), '--help']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toContain(`Usage: las ${commandPath}`);
  expect(result.stdout).toContain(leaf.description().slice(0, 30));
});

test('las --help lists every group; las --version prints the package version', async () => {
  const help = await cli(['--help']);
  expect(help.code).toBe(0);
  for (const group of real(program.commands)) expect(help.stdout).toContain(group.name());
  const version = await cli(['--version']);
  expect(version).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`, stderr: '' });
});
