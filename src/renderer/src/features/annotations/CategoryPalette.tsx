// The category palette, edited by the user: names, colours and mark lines, new categories, and
// deletion (its notes move to Note). Every change is stored at once and undone with Ctrl+Z.
import { useEffect, useRef, useState, type JSX } from 'react';
import { MARK_LINES, type Category, type MarkLine } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { useModal } from '../../components/use-modal';

const LINE_LABELS: Record<MarkLine, string> = {
  solid: 'Solid line',
  dashed: 'Dashed line',
  dotted: 'Dotted line',
  double: 'Double line',
  wavy: 'Wavy line',
};

/** A colour far from the palette's first ones, for a new category. */
const NEW_COLOR = '#0072b2';

/**
 * A colour input that shows every colour the picker passes through, but stores (and adds to the
 * undo history) only the one the user settles on.
 */
function ColorField(props: {
  color: string;
  label: string;
  onCommit(color: string): void;
}): JSX.Element {
  const [draft, setDraft] = useState(props.color);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return (
    <input
      type="color"
      value={draft}
      aria-label={props.label}
      onChange={(e) => {
        const color = e.target.value;
        setDraft(color);
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => props.onCommit(color), 400);
      }}
    />
  );
}

export interface CategoryPaletteProps {
  categories: Category[];
  onClose(): void;
}

export function CategoryPalette({ categories, onClose }: CategoryPaletteProps): JSX.Element {
  const dialog = useModal();
  const { done, notify } = useAppState();
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const update = (before: Category, patch: Partial<Omit<Category, 'id'>>) =>
    run(async () => {
      const changed = Object.entries(patch).some(
        ([key, value]) => before[key as keyof Category] !== value,
      );
      if (!changed) return;
      const after = await api.call('categories.update', { id: before.id, ...patch });
      done(
        {
          label: 'Edit category',
          undo: async () =>
            void (await api.call('categories.update', {
              id: before.id,
              name: before.name,
              color: before.color,
              line: before.line,
            })),
          redo: async () =>
            void (await api.call('categories.update', {
              id: after.id,
              name: after.name,
              color: after.color,
              line: after.line,
            })),
        },
        'notes',
      );
    });

  const create = () =>
    run(async () => {
      const name = newName.trim();
      if (!name) {
        setError('Give the new category a name.');
        return;
      }
      let created = await api.call('categories.create', { name, color: NEW_COLOR, line: 'solid' });
      setNewName('');
      done(
        {
          label: 'New category',
          undo: async () => {
            await api.call('categories.delete', { id: created.id });
          },
          redo: async () => {
            created = await api.call('categories.create', {
              name: created.name,
              color: created.color,
              line: created.line,
            });
          },
        },
        'notes',
      );
    });

  const remove = (category: Category) =>
    run(async () => {
      let removed = await api.call('categories.delete', { id: category.id });
      done(
        {
          label: 'Delete category',
          undo: async () => void (await api.call('categories.restore', removed)),
          redo: async () => {
            removed = await api.call('categories.delete', { id: category.id });
          },
        },
        'notes',
      );
      const moved = removed.annotationIds.length;
      notify({
        kind: 'info',
        text:
          `Deleted the category “${category.name}”` +
          (moved > 0 ? `; its ${moved === 1 ? 'note is' : `${moved} notes are`} now Notes.` : '.') +
          ' Ctrl+Z undoes.',
      });
    });

  return (
    <dialog
      ref={dialog}
      className="comment-dialog category-palette"
      aria-labelledby="palette-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="palette-title" className="dialog-title">
        Categories
      </h2>
      <p className="hint">
        Keys 1–9 pick the first nine. Each category has a colour and a line under its marks, so
        marks stay distinct for colour-blind readers and in black-and-white print.
      </p>
      <ol className="palette-list">
        {categories.map((category, index) => (
          <li key={category.id} className="palette-row">
            <span className="palette-key" aria-hidden="true">
              {index < 9 ? index + 1 : ''}
            </span>
            <ColorField
              key={category.color}
              color={category.color}
              label={`Colour of ${category.name}`}
              onCommit={(color) => void update(category, { color })}
            />
            <input
              // Keyed by the name, so an undone rename shows the name again.
              key={category.name}
              type="text"
              defaultValue={category.name}
              aria-label={`Name of ${category.name}`}
              maxLength={60}
              onBlur={(e) =>
                void update(category, { name: e.target.value.trim() || category.name })
              }
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              }}
            />
            <select
              value={category.line}
              aria-label={`Mark line of ${category.name}`}
              onChange={(e) => void update(category, { line: e.target.value as MarkLine })}
            >
              {MARK_LINES.map((line) => (
                <option key={line} value={line}>
                  {LINE_LABELS[line]}
                </option>
              ))}
            </select>
            <span
              className="palette-sample mark"
              style={
                {
                  '--mark-color': category.color,
                  '--mark-line': category.line,
                } as React.CSSProperties
              }
              aria-hidden="true"
            >
              Пример · Sample
            </span>
            {category.id === 'note' ? (
              <span className="palette-fixed muted">Default</span>
            ) : (
              <button
                type="button"
                className="link-button danger"
                aria-label={`Delete category ${category.name}`}
                onClick={() => void remove(category)}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        className="palette-new"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label>
          <span>New category</span>
          <input
            type="text"
            value={newName}
            maxLength={60}
            onChange={(e) => setNewName(e.target.value)}
            placeholder="e.g. Event"
          />
        </label>
        <button type="submit" className="button">
          Add category
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}
