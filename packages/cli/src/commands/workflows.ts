/** `las workflows ...`: workflows, their executions, and waiting for one to end. */
import { Option, type Command } from 'commander';
import { defined, nullable, seconds } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';
import { sortOptions } from './shared.js';

/** Adds `las workflows`. */
export function registerWorkflows(program: Command, app: App): void {
  const g = group(program, 'workflows', 'Workflows: transitions chained by a state machine, and their executions');

  leaf(g, 'create', 'Create a workflow (POST /workflows)')
    .requiredOption('--specification <json>', 'the workflow (ASL definition, ...), as JSON, a .json file, or - for stdin')
    .option('--error-config <json>', 'what happens on errors, as JSON, a .json file, or - for stdin')
    .option('--completed-config <json>', 'what runs after each execution, as JSON, a .json file, or - for stdin')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, _, o) => {
      const specification = (await c.object(o.specification, '--specification')) as never;
      const options = defined({
        errorConfig: (await c.object(o.errorConfig, '--error-config')) as never,
        completedConfig: (await c.object(o.completedConfig, '--completed-config')) as never,
        name: o.name,
        description: o.description,
      });
      await c.print(await (await c.las()).workflows.create(specification, options));
    }));

  const workflows = plain(g, app, kinds.workflow);
  workflows.list();
  workflows.get();
  workflows.update({ description: 'Update a workflow; null clears name or description' });
  workflows.delete();

  leaf(g, 'execute <workflowId>', 'Start an execution (POST /workflows/{workflowId}/executions)')
    .requiredOption('--input <json>', 'the input, as JSON, a .json file, or - for stdin')
    .action(run(app, async (c, [id], o) => {
      const input = (await c.object(o.input, '--input')) as Record<string, unknown>;
      await c.print(await (await c.las()).workflows.ref(id).execute(input));
    }));

  const executions = plain(g, app, kinds.workflowExecution, kinds.workflow);
  executions.list({
    options: (command) => sortOptions(command).option('--status <statuses...>', 'only these: running, succeeded, failed, rejected, retry, error'),
    fields: (o) => ({ status: o.status, sortBy: o.sortBy, order: o.order }),
  });
  executions.get();

  leaf(g, 'update-execution <workflowId> <executionId>', 'Send an execution on to another transition (PATCH /workflows/{workflowId}/executions/{executionId})')
    .requiredOption('--next-transition-id <id>', 'the transition to go on to')
    .action(run(app, async (c, [id, executionId], o) => {
      const execution = (await c.las()).workflows.ref(id).executions.ref(executionId);
      await c.print(await execution.update({ nextTransitionId: o.nextTransitionId as string }));
    }));

  executions.delete();

  leaf(g, 'wait <workflowId> <executionId>', 'Wait until an execution ends and print it: exit 0 succeeded, 1 failed/rejected/error, 124 timed out', ['timeout'])
    .option('--timeout <seconds>', 'give up after this many seconds (exit 124)', seconds)
    .addOption(new Option('--poll-interval <seconds>', 'first pause between polls; later ones grow to 15 s').argParser(seconds).default(1))
    .action(run(app, async (c, [id, executionId], o) => {
      const { wait } = await import('../jobs/wait.js');
      await wait(c, id, executionId, { timeout: o.timeout, pollInterval: o.pollInterval });
    }));
}
