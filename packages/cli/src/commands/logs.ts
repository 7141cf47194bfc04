/** `las logs ...`: logs of workflow and transition executions. */
import type { Command } from 'commander';
import { defined } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { listOptions, pageOptions } from './shared.js';

/** Adds `las logs`. */
export function registerLogs(program: Command, app: App): void {
  const g = group(program, 'logs', 'Logs of workflow and transition executions');

  leaf(g, 'get <logId>', 'Get a log (GET /logs/{logId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).logs.get(id));
  }));

  listOptions(leaf(g, 'list', 'List logs, optionally of one workflow, transition or execution (GET /logs)'))
    .option('--workflow-id <id>', 'of this workflow')
    .option('--workflow-execution-id <id>', 'of this workflow execution')
    .option('--transition-id <id>', 'of this transition')
    .option('--transition-execution-id <id>', 'of this transition execution')
    .option('--order <order>', 'ascending | descending')
    .action(run(app, async (c, _, o) => {
      const options = defined({
        workflowId: o.workflowId,
        workflowExecutionId: o.workflowExecutionId,
        transitionId: o.transitionId,
        transitionExecutionId: o.transitionExecutionId,
        order: o.order,
        ...pageOptions(o),
      });
      await c.list('logs', (await c.las()).logs.list(options), o);
    }));
}
