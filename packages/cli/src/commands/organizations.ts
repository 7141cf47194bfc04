/** `las organizations ...`: the organization itself. */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';

/** Adds `las organizations`. */
export function registerOrganizations(program: Command, app: App): void {
  const g = group(program, 'organizations', 'The organization: its name, quotas and usage');

  leaf(g, 'get <organizationId>', 'Get an organization (GET /organizations/{organizationId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).organizations.get(id));
  }));

  leaf(g, 'update <organizationId>', 'Update an organization\'s name or description; null clears (PATCH /organizations/{organizationId})')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      await c.print(await (await c.las()).organizations.update(id, defined({ name: o.name, description: o.description })));
    }));
}
