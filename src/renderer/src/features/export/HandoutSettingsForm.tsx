import type { JSX } from 'react';
import type { HandoutSettings, LanguageChoice } from '@shared/edition';
import type { Category } from '@shared/model';

const LANGUAGES: { value: LanguageChoice; label: string }[] = [
  { value: 'both', label: 'Both, side by side' },
  { value: 'original', label: 'Original only' },
  { value: 'translation', label: 'Translation only' },
];

const FORMATS: { value: HandoutSettings['format']; label: string }[] = [
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'pdf', label: 'PDF' },
  { value: 'html', label: 'Web page (.html)' },
];

export interface HandoutSettingsFormProps {
  settings: HandoutSettings;
  categories: Category[];
  onChange(patch: Partial<HandoutSettings>): void;
}

/** Title, instructions, languages, which notes, glossary and questions, and the file format. */
export function HandoutSettingsForm({
  settings,
  categories,
  onChange,
}: HandoutSettingsFormProps): JSX.Element {
  const chosen = new Set(settings.categories ?? categories.map((c) => c.id));
  const noteCategories = categories.filter((c) => c.id !== 'question');
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ categories: next.size === categories.length ? null : [...next] });
  };
  return (
    <>
      <label className="field">
        <span>Title</span>
        <input
          type="text"
          value={settings.title}
          maxLength={300}
          placeholder="The record’s title"
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Instructions</span>
        <textarea
          rows={3}
          value={settings.instructions}
          maxLength={20_000}
          placeholder="What students should do with the text"
          onChange={(e) => onChange({ instructions: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>Languages</legend>
        {LANGUAGES.map((l) => (
          <label key={l.value} className="export-inline">
            <input
              type="radio"
              name="handout-languages"
              checked={settings.languages === l.value}
              onChange={() => onChange({ languages: l.value })}
            />
            {l.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Notes to include as numbered notes</legend>
        {noteCategories.map((c) => (
          <label key={c.id} className="export-inline">
            <input
              type="checkbox"
              checked={chosen.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <span
              className="category-chip"
              style={{ '--chip-color': c.color } as React.CSSProperties}
              aria-hidden="true"
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sections</legend>
        <label className="export-inline">
          <input
            type="checkbox"
            checked={settings.glossary}
            onChange={(e) => onChange({ glossary: e.target.checked })}
          />
          Glossary
        </label>
        <label className="export-inline">
          <input
            type="checkbox"
            checked={settings.questions}
            onChange={(e) => onChange({ questions: e.target.checked })}
          />
          Questions (your “Question” notes)
        </label>
      </fieldset>
      {settings.questions && (
        <label className="field">
          <span>More questions, one per line</span>
          <textarea
            rows={3}
            value={settings.extraQuestions}
            maxLength={20_000}
            onChange={(e) => onChange({ extraQuestions: e.target.value })}
          />
        </label>
      )}
      <fieldset>
        <legend>File</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className="export-inline">
            <input
              type="radio"
              name="handout-format"
              checked={settings.format === f.value}
              onChange={() => onChange({ format: f.value })}
            />
            {f.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
