/** Options several groups' commands share. */
import type { Command } from 'commander';
import { defined, integer } from '../args.js';
import type { Opts } from '../define.js';

/** `--max-results`, `--next-token` and `--all` of every list command. */
export function listOptions(command: Command): Command {
  return command
    .option('-m, --max-results <n>', 'items per page', integer)
    .option('-n, --next-token <token>', 'the page to start at (a list\'s nextToken)')
    .option('--all', 'walk every page, printing items as they arrive');
}

/** The SDK's list options from {@link listOptions}. */
export function pageOptions(o: Opts): { maxResults?: number; nextToken?: string } {
  return defined({ maxResults: o.maxResults as number | undefined, nextToken: o.nextToken as string | undefined });
}

/** `--delete-documents` of `batches delete` and `datasets delete` (options of plain.ts's `delete`): `field` is the documents' query field naming the entity. */
export function deleteDocuments(field: string): { options: (command: Command) => Command; fields: (o: Opts) => Record<string, unknown> } {
  return {
    options: (command) => command.option('--delete-documents', `delete its documents first (DELETE /documents?${field}=...)`),
    fields: (o) => ({ deleteDocuments: o.deleteDocuments === true }),
  };
}

/** `--sort-by` and `--order` of execution lists. */
export function sortOptions(command: Command): Command {
  return command.option('--sort-by <field>', 'startTime | endTime').option('--order <order>', 'ascending | descending');
}

/**
 * `--download PATH` of `documents get` and `assets get`: writes the entity's base64 content to
 * PATH as bytes and drops it from the entity, which is printed without it.
 */
export async function download(entity: { content?: string }, path: string | undefined): Promise<void> {
  if (path === undefined) return;
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, Buffer.from(entity.content ?? '', 'base64'));
  delete entity.content;
}
