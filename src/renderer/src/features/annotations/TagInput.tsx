import { useEffect, useId, useState, type JSX } from 'react';
import { api } from '../../api/client';

/**
 * Free-form tags as removable chips, with suggestions from the tags already in the library.
 * Enter or a comma adds the typed tag; Backspace in the empty field removes the last one.
 */
export function TagInput({
  tags,
  onChange,
}: {
  tags: string[];
  onChange(tags: string[]): void;
}): JSX.Element {
  const [draft, setDraft] = useState('');
  const [known, setKnown] = useState<string[]>([]);
  const listId = useId();

  useEffect(() => {
    let live = true;
    api
      .call('annotations.tags', {})
      .then((list) => live && setKnown(list.map((t) => t.tag)))
      .catch(() => undefined); // suggestions are a convenience; typing still works without them
    return () => {
      live = false;
    };
  }, []);

  const add = (raw: string): void => {
    const tag = raw.replace(/\s+/g, ' ').trim().replace(/^#+/, '');
    setDraft('');
    if (tag === '' || tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) return;
    onChange([...tags, tag]);
  };

  return (
    <div className="tag-input">
      <span id={`${listId}-label`}>Tags</span>
      <ul className="tag-chips" aria-label="Tags on this note">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label="Add a tag"
        list={listId}
        value={draft}
        placeholder="type a tag, Enter adds"
        onChange={(e) => {
          const value = e.target.value;
          if (value.includes(',')) value.split(',').forEach(add);
          else setDraft(value);
        }}
        onBlur={() => draft.trim() && add(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
      <datalist id={listId}>
        {known
          .filter((t) => !tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
