// Finds the importable files in folders the user chose, recursively. Hidden files and folders,
// symbolic links and the "_files" folders that browsers save beside a page are passed over.
import fs from 'node:fs';
import { IMPORT_KINDS_TEXT } from '@shared/import/extensions';
import path from 'node:path';
import { LIMITS } from '@shared/api/limits';
import { IMPORTABLE_EXTENSIONS } from './index';

export interface FoundFile {
  path: string;
  /** Relative to the chosen folder's parent: "letters/1951/telegram.ru.txt". */
  name: string;
  size: number;
}

export interface FolderListing {
  files: FoundFile[];
  ignored: { name: string; reason: string }[];
}

const IMPORTABLE = new Set(IMPORTABLE_EXTENSIONS);

/** Lists importable files under each root (a folder, or a file itself), sorted by name. */
export function listImportableFiles(
  roots: string[],
  limit: number = LIMITS.maxImportFiles,
): FolderListing {
  const listing: FolderListing = { files: [], ignored: [] };
  let truncated = false;
  const visit = (file: string, name: string, depth: number): void => {
    if (truncated) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch (error) {
      listing.ignored.push({ name, reason: `Could not be read: ${(error as Error).message}` });
      return;
    }
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if (depth > 32) return;
      let entries: string[];
      try {
        entries = fs.readdirSync(file).sort((a, b) => a.localeCompare(b));
      } catch (error) {
        listing.ignored.push({
          name,
          reason: `The folder could not be read: ${(error as Error).message}`,
        });
        return;
      }
      const pages = new Set(
        entries.filter((e) => /\.html?$/i.test(e)).map((e) => e.replace(/\.html?$/i, '')),
      );
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        // "Page_files" holds a saved page's scripts, styles and frames, not records.
        if (entry.endsWith('_files') && pages.has(entry.slice(0, -'_files'.length))) continue;
        visit(path.join(file, entry), `${name}/${entry}`, depth + 1);
      }
      return;
    }
    if (!stat.isFile()) return;
    if (!IMPORTABLE.has(path.extname(file).toLowerCase())) {
      listing.ignored.push({
        name,
        reason: `Not a file Marginalia imports (${IMPORT_KINDS_TEXT}).`,
      });
      return;
    }
    if (listing.files.length >= limit) {
      truncated = true;
      listing.ignored.push({
        name,
        reason: `Only ${limit} files can be imported at once; import the rest in another batch.`,
      });
      return;
    }
    listing.files.push({ path: file, name, size: stat.size });
  };
  for (const root of roots) visit(root, path.basename(root), 0);
  return listing;
}
