/** The groups that have only plain commands (see plain.ts), all of API version 2024-11-29: one line each. */
import type { Command } from 'commander';
import { kinds, type Kind } from 'las-sdk/api';
import { group, type App } from '../define.js';
import { plain } from '../plain.js';

/** A group of plain commands: its name, its help, its kind and its commands in the order the help lists them. */
interface PlainGroup {
  readonly name: string;
  readonly description: string;
  readonly kind: Kind;
  readonly commands: readonly ('create' | 'list' | 'get' | 'update' | 'delete')[];
}

const GROUPS: readonly PlainGroup[] = [
  { name: 'deployment-environments', description: 'Deployment environments: where trained models run', kind: kinds.deploymentEnvironment, commands: ['list', 'get'] },
  { name: 'payment-methods', description: 'Payment methods of the organization', kind: kinds.paymentMethod, commands: ['create', 'list', 'get', 'update', 'delete'] },
  { name: 'plans', description: 'Plans the service offers', kind: kinds.plan, commands: ['list', 'get'] },
  { name: 'profiles', description: 'Profiles: a person\'s own data', kind: kinds.profile, commands: ['get', 'update'] },
  { name: 'roles', description: 'Roles: what users and app clients may do', kind: kinds.role, commands: ['list', 'get'] },
];

/** Adds the groups of {@link GROUPS}. */
export function registerPlainGroups(program: Command, app: App): void {
  for (const { name, description, kind, commands } of GROUPS) {
    const commandsOf = plain(group(program, name, `${description} (API 2024-11-29)`), app, kind);
    for (const command of commands) commandsOf[command]({ version: '2024-11-29' });
  }
}
