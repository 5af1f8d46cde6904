// The top bar's Export… and Handout… buttons, the one place from which records are exported.
import { useState, type JSX } from 'react';
import { ExportDialog } from './ExportDialog';
import { HandoutBuilder } from './HandoutBuilder';

/**
 * "Export…" (every format) and "Handout…" (the teaching handout builder), in the top bar, their
 * one place; while a record is open, that record is chosen.
 */
export function ExportActions({ recordId }: { recordId?: string | null }): JSX.Element {
  const [open, setOpen] = useState<'export' | 'handout' | null>(null);
  const initialIds = recordId ? [recordId] : [];
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setOpen('export')}
      >
        Export…
      </button>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setOpen('handout')}
      >
        Handout…
      </button>
      {open === 'export' && <ExportDialog initialIds={initialIds} onClose={() => setOpen(null)} />}
      {open === 'handout' && (
        <HandoutBuilder initialIds={initialIds} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
