/**
 * Which files of a folder are documents to upload: the one walk `dataset.uploadDocuments(folder)`
 * and `las datasets create-documents` share. Every file found is either a document or ignored with
 * its reason, so none is dropped without a word.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ContentError, describeError } from '../errors.js';
import type { IgnoredFile } from './upload-types.js';

/** The files under a folder, split into documents and what is not uploaded. */
export interface FolderDocuments {
  /** Paths of the documents (the folder joined with each name: `./scans` gives `scans/1.pdf`), sorted. */
  documents: string[];
  /** Files and folders left out, each with its reason, sorted by path. */
  ignored: IgnoredFile[];
}

/**
 * Walks `folder` recursively. Left out, with their reason: names starting with `.` (hidden files and
 * folders, not walked), `.json` files (ground truth, read beside their document), and links to
 * folders (not followed, so a link cannot loop). Every other entry is a document, even one that
 * turns out unreadable: the upload reports that as its failure.
 */
export async function documentsOfFolder(folder: string): Promise<FolderDocuments> {
  const found: FolderDocuments = { documents: [], ignored: [] };
  await walk(folder, found);
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  found.documents.sort(byPath);
  found.ignored.sort((a, b) => byPath(a.path, b.path));
  return found;
}

async function walk(folder: string, into: FolderDocuments): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new ContentError(`could not read folder ${JSON.stringify(folder)}: ${describeError(error)}`, { cause: error });
  }
  for (const entry of entries) {
    // Judged by the entry's own name, never by slicing a longer path.
    const path = join(folder, entry.name);
    if (entry.name.startsWith('.')) {
      into.ignored.push({ path, reason: entry.isDirectory() ? 'a hidden folder (its name starts with "."), not walked' : 'a hidden file (its name starts with ".")' });
    } else if (entry.isDirectory()) {
      await walk(path, into);
    } else if (entry.isSymbolicLink() && (await isFolder(path))) {
      into.ignored.push({ path, reason: 'a link to a folder, not followed' });
    } else if (extname(entry.name).toLowerCase() === '.json') {
      into.ignored.push({ path, reason: 'a .json file: ground truth, read with the document of the same name' });
    } else {
      into.documents.push(path);
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
