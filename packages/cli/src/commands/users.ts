/** `las users ...`: the people of the organization. */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

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

  const users = plain(g, app, kinds.user);
  users.list();
  users.get();
  users.update({ description: 'Update a user\'s name or avatar; null clears' });
  users.delete();
}
