// The pair form of the Import dialog: an original and its translation in two files, with their
// languages and how their text is cut into passages. For plain-text files it says what it
// detected (blank-line paragraphs, or one segment per line) and lets the user choose otherwise.
import { useEffect, useState, type JSX } from 'react';
import { detectUnit, type UnitChoice, type UnitDetection } from '@shared/alignment/units';
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

const PLAIN_TEXT = /\.(txt|text)$/i;

/** What detection found in a chosen file, in a sentence (null while reading or for non-text). */
function useDetection(file: File | null): UnitDetection | null {
  // What was found, and for which file: a detection for another file is not shown.
  const [found, setFound] = useState<{ file: File; detection: UnitDetection } | null>(null);
  useEffect(() => {
    if (!file || !PLAIN_TEXT.test(file.name)) return;
    let live = true;
    void file.text().then(
      (text) => live && setFound({ file, detection: detectUnit(text) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [file]);
  return found !== null && found.file === file ? found.detection : null;
}

function describe(detection: UnitDetection | null, file: File | null): string | null {
  if (!file) return null;
  if (!PLAIN_TEXT.test(file.name)) return `${file.name}: paragraphs as the document has them.`;
  if (!detection) return `Reading ${file.name}…`;
  return detection.unit === 'line'
    ? `${file.name}: no blank lines between paragraphs, so one segment per line (${detection.lines} lines).`
    : `${file.name}: paragraphs separated by blank lines (${detection.paragraphs} paragraphs).`;
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
  const [unit, setUnit] = useState<UnitChoice>('auto');
  const [problem, setProblem] = useState<string | null>(null);
  const originalUnits = useDetection(original);
  const translationUnits = useDetection(translation);
  const accept = IMPORT_ACCEPT;
  const detected = [describe(originalUnits, original), describe(translationUnits, translation)];

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
      unit,
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
      unit,
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
      <div className="import-units">
        <label className="import-field" htmlFor="pair-unit">
          <span>Passages</span>
          <select
            id="pair-unit"
            value={unit}
            onChange={(e) => setUnit(e.target.value as UnitChoice)}
            aria-describedby="pair-unit-detected"
          >
            <option value="auto">As detected</option>
            <option value="paragraph">Paragraphs (separated by blank lines)</option>
            <option value="line">One per line</option>
            <option value="sentence">Sentences</option>
          </select>
        </label>
        <p id="pair-unit-detected" className="import-detected" aria-live="polite">
          {detected.some(Boolean)
            ? detected
                .filter((line): line is string => line !== null)
                .map((line) => (
                  <span key={line} className="import-detected-line">
                    {line}
                  </span>
                ))
            : 'Plain-text files are read by paragraph when blank lines separate them, one segment per line otherwise.'}
        </p>
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
