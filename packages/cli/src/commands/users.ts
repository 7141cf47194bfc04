/** `las users ...`: the people of the organization. */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { listOptions, pageOptions } from './shared.js';

/** Adds `las users`. */
export function registerUsers(program: Command, app: App): void {
  const g = group(program, 'users', 'Users: the people of the organization');

  leaf(g, 'create <email>', 'Invite a user (POST /users)')
    .option('--app-client-id <id>', 'the app client the invitation signs in through')
    .option('--name <name>', 'name', nullable)
    .option('--avatar <base64>', 'avatar image, base64', nullable)
    .action(run(app, async (c, [email], o) => {
      await c.print(await (await c.las()).users.create(email, defined({ appClientId: o.appClientId, name: o.name, avatar: o.avatar })));
    }));

  listOptions(leaf(g, 'list', 'List users (GET /users)')).action(run(app, async (c, _, o) => {
    await c.list('users', (await c.las()).users.list(pageOptions(o)), o);
  }));

  leaf(g, 'get <userId>', 'Get a user (GET /users/{userId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).users.get(id));
  }));

  leaf(g, 'update <userId>', 'Update a user\'s name or avatar; null clears (PATCH /users/{userId})')
    .option('--name <name>', 'name', nullable)
    .option('--avatar <base64>', 'avatar image, base64', nullable)
    .action(run(app, async (c, [id], o) => {
      await c.print(await (await c.las()).users.update(id, defined({ name: o.name, avatar: o.avatar })));
    }));

  leaf(g, 'delete <userId>', 'Delete a user (DELETE /users/{userId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).users.delete(id));
  }));
}
