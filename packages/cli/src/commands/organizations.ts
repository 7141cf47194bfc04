/** `las organizations ...`: the organization itself. */
import type { Command } from 'commander';
import { kinds } from 'las-sdk/api';
import { group, type App } from '../define.js';
import { plain } from '../plain.js';

/** Adds `las organizations`. */
export function registerOrganizations(program: Command, app: App): void {
  const g = group(program, 'organizations', 'The organization: its name, quotas and usage');
  const organizations = plain(g, app, kinds.organization);
  organizations.get();
  organizations.update({ description: 'Update an organization\'s name or description; null clears' });
  organizations.create({ version: '2024-11-29' });
  organizations.list({ version: '2024-11-29' });
}
