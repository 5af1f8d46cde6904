import { memo, type JSX } from 'react';
import type { Passage } from '@shared/model';
import { useMarkDisplay } from '../annotations/mark-display';
import { segmentText, type Span } from './segments';

export interface MarkSpan extends Span {
  color: string;
}

export interface PassageTextProps {
  passage: Passage;
  lang: string;
  spans: MarkSpan[];
  tabIndex: number;
  onFocusPassage(passage: Passage): void;
}

/**
 * One passage's text with its annotations as <mark> elements. The text is rendered as text
 * nodes only, never as HTML; overlapping annotations split into runs that carry every id.
 */
export const PassageText = memo(function PassageText({
  passage,
  lang,
  spans,
  tabIndex,
  onFocusPassage,
}: PassageTextProps): JSX.Element {
  const display = useMarkDisplay();
  const colorOf = new Map(spans.map((s) => [s.id, s.color]));
  const segments = segmentText(passage.text.length, spans);
  return (
    <p
      className="passage"
      lang={lang}
      data-passage-id={passage.id}
      data-side={passage.side}
      data-index={passage.index}
      tabIndex={tabIndex}
      onFocus={() => onFocusPassage(passage)}
    >
      {segments.map((segment) => {
        const text = passage.text.slice(segment.start, segment.end);
        if (segment.ids.length === 0) return <span key={segment.start}>{text}</span>;
        const top = segment.ids[segment.ids.length - 1]!;
        // Nested marks show every annotation: the innermost colour fills, a count says how many.
        return (
          <mark
            key={segment.start}
            className={segment.ids.length > 1 ? 'mark mark-overlap' : 'mark'}
            data-annotations={segment.ids.join(' ')}
            data-depth={Math.min(segment.ids.length, 3)}
            tabIndex={-1}
            title={
              segment.ids
                .map((id) => display.labelOf(id))
                .filter(Boolean)
                .join('\n') || undefined
            }
            style={
              {
                '--mark-color': colorOf.get(top) ?? '#F0E442',
                '--mark-line': display.lineOf(top),
              } as React.CSSProperties
            }
          >
            {text}
          </mark>
        );
      })}
    </p>
  );
});
