// The bar over the notes list: "Select all shown", how many notes are selected, and what can be
// done to all of them at once — another category, a tag, delete — each one undo step.
import { useEffect, useRef, useState, type JSX } from 'react';
import type { Category } from '@shared/model';
import { useAppState } from '../../app-state';
import { NO_NOTES, selectAllShown, selectedInOrder, type NoteSelection } from './note-selection';
import { countOf } from './use-annotation-actions';
import type { AnnotationTools } from './use-annotation-tools';

export function SelectedNotesBar(props: {
  /** The ids of the notes shown, in order. */
  shown: string[];
  selection: NoteSelection;
  categories: Category[];
  tools: AnnotationTools;
}): JSX.Element {
  const { shown, tools } = props;
  const { notify } = useAppState();
  const selected = selectedInOrder(props.selection, shown);
  const count = selected.length;
  const all = count > 0 && count === shown.length;
  const [tag, setTag] = useState('');
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);

  const addTag = async (): Promise<void> => {
    const value = tag.trim();
    if (!value || count === 0) return;
    try {
      await tools.actions.updateMany(
        selected,
        { addTags: [value] },
        `Tag ${countOf(count, 'note')} “${value}”`,
      );
      setTag('');
      notify({ kind: 'info', text: `Tagged ${countOf(count, 'note')} “${value}”. Ctrl+Z undoes.` });
    } catch (error) {
      tools.fail('Could not tag', error);
    }
  };

  return (
    <div className="selected-notes" role="toolbar" aria-label="Selected notes">
      <label className="checkbox select-all">
        <input
          ref={box}
          type="checkbox"
          checked={all}
          onChange={() => tools.setNoteSelection(all ? NO_NOTES : selectAllShown(shown))}
        />
        <span>Select all shown ({shown.length})</span>
      </label>
      <span className="selected-count" role="status">
        {count > 0 ? `${count} selected` : ''}
      </span>
      {count > 0 && (
        <div className="selected-actions">
          <label>
            <span className="visually-hidden">Category for the selected notes</span>
            <select
              value=""
              onChange={(e) => {
                if (e.target.value) void tools.recategorise(selected, e.target.value);
              }}
            >
              <option value="">Category…</option>
              {props.categories.map((c, i) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({i + 1})
                </option>
              ))}
            </select>
          </label>
          <form
            className="selected-tag"
            aria-label="Tag the selected notes"
            onSubmit={(event) => {
              event.preventDefault();
              void addTag();
            }}
          >
            <input
              type="text"
              value={tag}
              placeholder="tag"
              aria-label="Tag for the selected notes"
              onChange={(e) => setTag(e.target.value)}
            />
            <button type="submit" className="button" disabled={tag.trim() === ''}>
              Add tag
            </button>
          </form>
          <button
            type="button"
            className="button danger"
            onClick={() => void tools.deleteSelected()}
          >
            Delete {countOf(count, 'note')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => tools.setNoteSelection(NO_NOTES)}
          >
            Clear selection
          </button>
        </div>
      )}
    </div>
  );
}
