import { useState, type JSX } from 'react';
import { languageName } from '@shared/text/language';
import { IMPORT_ACCEPT } from '@shared/import/extensions';
import type { BatchItem } from './use-import-batch';

/** Languages offered for an original or a translation; "Detect" leaves it to the text. */
const LANGUAGES = [
  'ru',
  'en',
  'zh',
  'de',
  'ko',
  'ja',
  'uk',
  'pl',
  'cs',
  'hu',
  'fr',
  'es',
  'it',
  'vi',
  'mn',
];

function LanguageSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}): JSX.Element {
  return (
    <label className="import-field" htmlFor={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Detect automatically</option>
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * An original and its translation in two files, each with its language (detected unless the
 * user says otherwise) — or both files picked at once, in either order.
 */
export function PairForm({ onImport }: { onImport(item: BatchItem): void }): JSX.Element {
  const [original, setOriginal] = useState<File | null>(null);
  const [translation, setTranslation] = useState<File | null>(null);
  const [originalLang, setOriginalLang] = useState('');
  const [translationLang, setTranslationLang] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const accept = IMPORT_ACCEPT;

  const pickBoth = (files: File[]): void => {
    if (files.length !== 2) {
      setProblem(
        `Choose exactly two files, the original and its translation (you chose ${files.length}).`,
      );
      return;
    }
    setProblem(null);
    onImport({
      kind: 'pair',
      original: { kind: 'file', name: files[0]!.name, file: files[0]! },
      translation: { kind: 'file', name: files[1]!.name, file: files[1]! },
      originalLang: originalLang || undefined,
      translationLang: translationLang || undefined,
      order: 'auto',
    } as BatchItem);
  };

  const submit = (): void => {
    if (!original || !translation) {
      setProblem('Choose both files: the original and its translation.');
      return;
    }
    setProblem(null);
    onImport({
      kind: 'pair',
      original: { kind: 'file', name: original.name, file: original },
      translation: { kind: 'file', name: translation.name, file: translation },
      originalLang: originalLang || undefined,
      translationLang: translationLang || undefined,
      order: 'given',
    } as BatchItem);
  };

  return (
    <fieldset className="import-pair">
      <legend>An original and its translation in two files</legend>
      <div className="import-pair-grid">
        <label className="import-field" htmlFor="pair-original">
          <span>Original file</span>
          <input
            id="pair-original"
            type="file"
            accept={accept}
            onChange={(e) => setOriginal(e.target.files?.[0] ?? null)}
          />
        </label>
        <LanguageSelect
          id="pair-original-lang"
          label="Language of the original"
          value={originalLang}
          onChange={setOriginalLang}
        />
        <label className="import-field" htmlFor="pair-translation">
          <span>Translation file</span>
          <input
            id="pair-translation"
            type="file"
            accept={accept}
            onChange={(e) => setTranslation(e.target.files?.[0] ?? null)}
          />
        </label>
        <LanguageSelect
          id="pair-translation-lang"
          label="Language of the translation"
          value={translationLang}
          onChange={setTranslationLang}
        />
      </div>
      <label className="import-field" htmlFor="pair-both">
        <span>Or choose both files at once (the English one becomes the translation)</span>
        <input
          id="pair-both"
          type="file"
          multiple
          accept={accept}
          onChange={(e) => pickBoth([...(e.target.files ?? [])])}
        />
      </label>
      {problem && (
        <p className="import-problem" role="note">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={submit}>
          Import pair
        </button>
      </div>
    </fieldset>
  );
}
