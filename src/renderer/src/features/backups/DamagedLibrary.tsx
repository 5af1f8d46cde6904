// The screen a damaged library opens on: what SQLite found, that nothing was changed, and the
// backups to restore from. Nothing else of the app is shown, since nothing else can work.
import type { JSX } from 'react';
import { BackupList } from './BackupList';

/** What SQLite found, out of the core's sentence (whose restore hint is for the terminal). */
function findingOf(problem: string): string {
  const found = /\(SQLite found: ([\s\S]+?)\)\. Marginalia has not changed it\./.exec(problem);
  return found ? found[1]!.replace(/\s+/g, ' ').trim() : problem;
}

export function DamagedLibrary({ problem }: { problem: string }): JSX.Element {
  return (
    <div className="damaged-library">
      <header className="topbar">
        <span className="brand">Marginalia</span>
      </header>
      <main className="damaged-content" aria-labelledby="damaged-title">
        <h1 id="damaged-title">This library is damaged</h1>
        <p>Part of the library file cannot be read. SQLite, the database that holds it, reports:</p>
        <blockquote className="damaged-finding">{findingOf(problem)}</blockquote>
        <p>
          Marginalia has not changed the file. Restore a backup below; the damaged file is then kept
          as a backup of its own.
        </p>
        <h2>Restore a backup</h2>
        <BackupList />
      </main>
    </div>
  );
}
