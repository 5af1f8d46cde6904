import { memo, useCallback, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Annotation, Category, Passage, RecordDocument, Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import { PassageText, type MarkSpan } from './PassageText';

export interface AlignedTextProps {
  record: RecordDocument;
  annotations: Annotation[];
  categories: Category[];
}

const SIDE_LABEL: Record<Side, string> = { original: 'Original', translation: 'Translation' };

/** Text and the mark spans of each passage, keyed by passage id. */
function spansByPassage(
  annotations: Annotation[],
  categories: Category[],
): Map<number, MarkSpan[]> {
  const color = new Map(categories.map((c) => [c.id, c.color]));
  const map = new Map<number, MarkSpan[]>();
  for (const annotation of annotations) {
    for (const target of annotation.targets) {
      if (target.orphaned || target.passageId === null) continue;
      const list = map.get(target.passageId) ?? [];
      list.push({
        id: annotation.id,
        start: target.position.start,
        end: target.position.end,
        color: color.get(annotation.categoryId) ?? '#f6d365',
      });
      map.set(target.passageId, list);
    }
  }
  return map;
}

/**
 * The record's two texts side by side, one aligned row per alignment group. Each column is a
 * region named by its language; rows share their height through a CSS subgrid. Hovering or
 * focusing a passage lights up its row in both columns. Arrow keys move between passages
 * (Up/Down within a column, Left/Right to the counterpart).
 */
export const AlignedText = memo(function AlignedText({
  record,
  annotations,
  categories,
}: AlignedTextProps): JSX.Element {
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const [focusKey, setFocusKey] = useState<string>(() =>
    record.original.passages.length > 0 ? 'original:0' : 'translation:0',
  );
  const container = useRef<HTMLDivElement>(null);
  const spans = useMemo(() => spansByPassage(annotations, categories), [annotations, categories]);

  const rowOf = useMemo(() => {
    const map = new Map<string, number>();
    record.alignment.forEach((group, row) => {
      for (const i of group.original) map.set(`original:${i}`, row);
      for (const i of group.translation) map.set(`translation:${i}`, row);
    });
    return map;
  }, [record]);

  const onFocusPassage = useCallback(
    (passage: Passage) => {
      const key = `${passage.side}:${passage.index}`;
      setFocusKey(key);
      setActiveRow(rowOf.get(key) ?? null);
    },
    [rowOf],
  );

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    if (!target.matches('.passage')) return;
    const side = target.dataset['side'] as Side;
    const index = Number(target.dataset['index']);
    let next: string | null = null;
    if (event.key === 'ArrowDown') next = `${side}:${index + 1}`;
    else if (event.key === 'ArrowUp') next = `${side}:${index - 1}`;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const other: Side = event.key === 'ArrowLeft' ? 'original' : 'translation';
      if (other === side) return;
      const group = record.alignment[rowOf.get(`${side}:${index}`) ?? -1];
      const counterpart = group?.[other][0];
      if (counterpart !== undefined) next = `${other}:${counterpart}`;
    } else return;
    event.preventDefault();
    if (!next) return;
    const [nextSide, nextIndex] = next.split(':');
    container.current
      ?.querySelector<HTMLElement>(`.passage[data-side="${nextSide}"][data-index="${nextIndex}"]`)
      ?.focus();
  };

  const rows = record.alignment;
  const renderColumn = (side: Side): JSX.Element => {
    const version = record[side];
    const language = languageName(version.lang);
    return (
      <section
        className={`column column-${side}`}
        aria-label={`${SIDE_LABEL[side]}: ${language}`}
        style={{ gridRow: `1 / span ${rows.length + 1}` }}
      >
        <h2 className="column-heading">
          {SIDE_LABEL[side]} <span className="column-language">· {language}</span>
        </h2>
        {rows.map((group, row) => (
          <div
            key={row}
            className={[
              'cell',
              group[side].length === 0 ? 'cell-empty' : '',
              row === activeRow ? 'cell-active' : '',
              !group.confirmed && group.confidence < 0.5 ? 'cell-doubtful' : '',
            ].join(' ')}
            data-row={row}
            onMouseEnter={() => setActiveRow(row)}
          >
            {group[side].length === 0 ? (
              <span className="no-counterpart">No {language} counterpart</span>
            ) : (
              group[side].map((index) => {
                const passage = version.passages[index]!;
                return (
                  <PassageText
                    key={passage.id}
                    passage={passage}
                    lang={version.lang}
                    spans={spans.get(passage.id) ?? []}
                    tabIndex={focusKey === `${side}:${index}` ? 0 : -1}
                    onFocusPassage={onFocusPassage}
                  />
                );
              })
            )}
          </div>
        ))}
      </section>
    );
  };

  return (
    <div
      ref={container}
      className="aligned"
      onMouseLeave={() => setActiveRow(null)}
      onKeyDown={moveFocus}
    >
      {renderColumn('original')}
      {renderColumn('translation')}
    </div>
  );
});
