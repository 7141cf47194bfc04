/** `las transitions ...`: workflow steps, their executions, and a worker for manual ones. */
import { Argument, Option, type Command } from 'commander';
import { defined, integer, keyValues, nullable, positive } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';
import { sortOptions } from './shared.js';

/** Adds `las transitions`. */
export function registerTransitions(program: Command, app: App): void {
  const g = group(program, 'transitions', 'Transitions: the steps of workflows, and their executions');

  leaf(g, 'create', 'Create a docker or manual transition (POST /transitions)')
    .addArgument(new Argument('<transitionType>', 'docker | manual').choices(['docker', 'manual']))
    .option('--in-schema <json>', 'JSON schema of the input, as JSON, a .json file, or - for stdin')
    .option('--out-schema <json>', 'JSON schema of the output, as JSON, a .json file, or - for stdin')
    .option('--parameters <json>', 'parameters (docker: imageUrl, ...), as JSON, a .json file, or - for stdin')
    .option('--timeout-in-seconds <s>', 'seconds an execution may run without a heartbeat (60-1800)', integer)
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [type], o) => {
      const options = defined({
        inSchema: await c.object(o.inSchema, '--in-schema'),
        outSchema: await c.object(o.outSchema, '--out-schema'),
        parameters: (await c.object(o.parameters, '--parameters')) as never,
        timeoutInSeconds: o.timeoutInSeconds,
        name: o.name,
        description: o.description,
      });
      await c.print(await (await c.las()).transitions.create(type, options));
    }));

  const transitions = plain(g, app, kinds.transition);
  transitions.list({
    options: (command) => command.option('--transition-type <types...>', 'only of these types: docker, manual'),
    fields: (o) => ({ transitionType: o.transitionType }),
  });
  transitions.get();

  leaf(g, 'update <transitionId>', 'Update a transition; null clears name or description (PATCH /transitions/{transitionId})')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .option('--in-schema <json>', 'JSON schema of the input, as JSON, a .json file, or - for stdin')
    .option('--out-schema <json>', 'JSON schema of the output, as JSON, a .json file, or - for stdin')
    .option('--assets <name=assetId...>', 'assets by name (a manual transition\'s UI is jsRemoteComponent)')
    .option('--environment <name=value...>', 'environment variables of the docker image')
    .option('--environment-secrets <secretIds...>', 'secrets set as environment variables')
    .action(run(app, async (c, [id], o) => {
      const options = defined({
        name: o.name,
        description: o.description,
        inSchema: await c.object(o.inSchema, '--in-schema'),
        outSchema: await c.object(o.outSchema, '--out-schema'),
        assets: o.assets ? (keyValues(o.assets as string[], '--assets') as Record<string, string>) : undefined,
        environment: o.environment ? (keyValues(o.environment as string[], '--environment') as Record<string, string>) : undefined,
        environmentSecrets: o.environmentSecrets,
      });
      await c.print(await (await c.las()).transitions.update(id, options));
    }));

  transitions.delete();

  leaf(g, 'execute <transitionId>', 'Start an execution; of a manual transition, take the next pending one (POST /transitions/{transitionId}/executions)').action(
    run(app, async (c, [id]) => {
      await c.print(await (await c.las()).transitions.ref(id).execute());
    }),
  );

  const executions = plain(g, app, kinds.transitionExecution, kinds.transition);
  executions.list({
    options: (command) =>
      sortOptions(command)
        .option('--status <statuses...>', 'only these: pending, running, succeeded, failed, rejected, retry')
        .option('--execution-id <ids...>', 'only these executions'),
    fields: (o) => ({ status: o.status, executionId: o.executionId, sortBy: o.sortBy, order: o.order }),
  });
  executions.get();

  leaf(g, 'update-execution <transitionId> <executionId> <status>', 'End an execution: succeeded, failed, rejected or retry (PATCH /transitions/{transitionId}/executions/{executionId})')
    .option('--output-json <json>', 'the output (succeeded), as JSON, a .json file, or - for stdin')
    .option('--error <json>', 'the error (failed), as JSON { "message": ... }, a .json file, or - for stdin')
    .option('--start-time <time>', 'when the work started (ISO 8601)')
    .action(run(app, async (c, [id, executionId, status], o) => {
      const options = defined({
        output: await c.object(o.outputJson, '--output-json'),
        error: (await c.object(o.error, '--error')) as { message: string } | undefined,
        startTime: o.startTime as string | undefined,
      });
      await c.print(await (await c.las()).transitions.ref(id).executions.ref(executionId).update(status, options));
    }));

  leaf(g, 'heartbeat <transitionId> <executionId>', 'Tell the API a running execution is alive (POST /transitions/{transitionId}/executions/{executionId}/heartbeats)').action(
    run(app, async (c, [id, executionId]) => {
      await (await c.las()).transitions.ref(id).executions.ref(executionId).heartbeat();
    }),
  );

  leaf(g, 'work <transitionId> <command...>', 'Work on a manual transition: run COMMAND per execution, its input as JSON on stdin, its stdout JSON as output (put -- before COMMAND)')
    .addOption(new Option('--concurrency <n>', 'executions handled at once').argParser(positive).default(1))
    .option('--stop-when-idle', 'stop when no execution is pending, instead of waiting for more')
    .addOption(new Option('--poll-interval <seconds>', 'first pause between asks for work while there is none').argParser(Number).default(1))
    .action(run(app, async (c, [id, command], o) => {
      const { work } = await import('../jobs/work.js');
      await work(c, id, command, { concurrency: o.concurrency, stopWhenIdle: o.stopWhenIdle === true, pollInterval: o.pollInterval });
    }));
}
