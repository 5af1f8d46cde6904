import { type JSX } from 'react';
import type { DuplicatePolicy } from '@shared/api/contract';
import { PairForm } from './PairForm';
import type { BatchItem } from './use-import-batch';
import { useModal } from '../../components/use-modal';

export interface ImportDialogProps {
  policy: DuplicatePolicy;
  onPolicy(policy: DuplicatePolicy): void;
  onChooseFiles(): void;
  onChooseFolder(): void;
  onImportPair(item: BatchItem): void;
  onClose(): void;
}

const POLICIES: { value: DuplicatePolicy; label: string; hint: string }[] = [
  { value: 'skip', label: 'Skip it', hint: 'keep the record you have' },
  {
    value: 'replace',
    label: 'Replace it',
    hint: 'new text and catalogue data; its notes stay and are re-attached',
  },
  { value: 'keep-both', label: 'Keep both', hint: 'import a second copy' },
];

/**
 * Where to import from: files, a folder, or an original with its translation; and what to do
 * with records already in the library.
 */
export function ImportDialog(props: ImportDialogProps): JSX.Element {
  const dialog = useModal();

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id="import-dialog-title" className="dialog-title">
        Import records
      </h2>
      <p className="muted import-hint">
        Text copied from a digital-archive record page (.txt), the page saved from the browser
        (.html), Markdown (.md), Word (.docx), a PDF (.pdf) or a scan of the pages (.png, .jpg,
        .tif: its text is recognised on this machine). Files named alike with a language, such as{' '}
        <code>telegram.ru.txt</code> and <code>telegram.en.txt</code>, become one record. You can
        also drop files and folders onto the window.
      </p>
      <div className="import-choices">
        <button type="button" className="button primary" onClick={props.onChooseFiles}>
          Choose files…
        </button>
        <button type="button" className="button" onClick={props.onChooseFolder}>
          Choose a folder…
        </button>
      </div>
      <fieldset className="import-policy">
        <legend>When a record is already in the library (same record ID or same text)</legend>
        {POLICIES.map((p) => (
          <label key={p.value} className="import-radio">
            <input
              type="radio"
              name="import-duplicates"
              value={p.value}
              checked={props.policy === p.value}
              onChange={() => props.onPolicy(p.value)}
            />
            <span>
              {p.label} <span className="muted">— {p.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <PairForm onImport={props.onImportPair} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
