/** `las app-clients ...`: the app clients (credentials) of the organization. */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

/** Adds `las app-clients`. */
export function registerAppClients(program: Command, app: App): void {
  const g = group(program, 'app-clients', 'App clients: the credentials programs and people sign in with');

  leaf(g, 'create', 'Create an app client (POST /appClients)')
    .option('--generate-secret', 'give it a client secret (for client credentials)')
    .option('--logout-urls <urls...>', 'allowed logout URLs')
    .option('--callback-urls <urls...>', 'allowed callback URLs')
    .option('--login-urls <urls...>', 'allowed login URLs')
    .option('--default-login-url <url>', 'default login URL')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, _, o) => {
      const options = defined({
        generateSecret: o.generateSecret,
        logoutUrls: o.logoutUrls,
        callbackUrls: o.callbackUrls,
        loginUrls: o.loginUrls,
        defaultLoginUrl: o.defaultLoginUrl,
        name: o.name,
        description: o.description,
      });
      await c.print(await (await c.las()).appClients.create(options));
    }));

  const plainOf = plain(g, app, kinds.appClient);
  plainOf.list();
  plainOf.get({ version: '2024-11-29' });
  plainOf.update({ description: 'Update an app client; null clears name or description' });
  plainOf.delete();
}
