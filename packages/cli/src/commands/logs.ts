/** `las logs ...`: logs of workflow and transition executions. */
import type { Command } from 'commander';
import { kinds } from 'las-sdk/api';
import { group, type App } from '../define.js';
import { plain } from '../plain.js';

/** Adds `las logs`. */
export function registerLogs(program: Command, app: App): void {
  const g = group(program, 'logs', 'Logs of workflow and transition executions');

  const logs = plain(g, app, kinds.log);
  logs.get();
  logs.list({
    description: 'List logs, optionally of one workflow, transition or execution',
    options: (command) =>
      command
        .option('--workflow-id <id>', 'of this workflow')
        .option('--workflow-execution-id <id>', 'of this workflow execution')
        .option('--transition-id <id>', 'of this transition')
        .option('--transition-execution-id <id>', 'of this transition execution')
        .option('--order <order>', 'ascending | descending'),
    fields: (o) => ({
      workflowId: o.workflowId,
      workflowExecutionId: o.workflowExecutionId,
      transitionId: o.transitionId,
      transitionExecutionId: o.transitionExecutionId,
      order: o.order,
    }),
  });
}
