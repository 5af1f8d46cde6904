// Marks find-in-record hits in the reader with the CSS Custom Highlight API: ranges over the
// text nodes already on the page, so the reader's own rendering (marks, sentence units,
// virtualised rows) is left untouched, and no text is ever re-parsed.
import type { RecordSearchHit } from '@shared/api/methods/search';

export const HIGHLIGHTS = {
  hit: 'mg-search-hit',
  current: 'mg-search-current',
  counterpart: 'mg-search-counterpart',
} as const;

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** A DOM range over characters [start, end) of an element's text. */
function rangeIn(element: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= at + length) {
      range.setStart(node, Math.max(0, start - at));
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, Math.max(0, end - at));
      return range;
    }
    at += length;
  }
  return null;
}

/** The passage elements of the page, with where each starts in its passage (sentence view). */
function passageElements(
  root: ParentNode,
  passageId: number,
): { element: Element; offset: number }[] {
  return [...root.querySelectorAll(`.passage[data-passage-id="${passageId}"]`)].map((element) => ({
    element,
    offset: Number(element.closest<HTMLElement>('[data-unit-start]')?.dataset['unitStart'] ?? 0),
  }));
}

function rangesOf(root: ParentNode, hit: RecordSearchHit): Range[] {
  const ranges: Range[] = [];
  for (const { element, offset } of passageElements(root, hit.passageId)) {
    const length = element.textContent?.length ?? 0;
    const start = Math.max(hit.start - offset, 0);
    const end = Math.min(hit.end - offset, length);
    if (end <= start) continue;
    const range = rangeIn(element, start, end);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** The passages aligned with the current hit, in the other column of its row. */
function counterpartElements(root: ParentNode, hit: RecordSearchHit): Element[] {
  const other = hit.side === 'original' ? 'translation' : 'original';
  const cell = passageElements(root, hit.passageId)[0]?.element.closest<HTMLElement>('[data-row]');
  const row = cell?.dataset['row'];
  if (row === undefined) return [];
  return [...root.querySelectorAll(`[data-row="${row}"] .row-body[data-side="${other}"] .passage`)];
}

export interface Painted {
  /** The current hit's passage element, once it is on the page. */
  current: Element | null;
  /** Text of the counterpart passages of the current hit, when on the page. */
  counterpart: string | null;
}

/** Paints the hits (the current one apart) and the current hit's counterpart. */
export function paintHits(
  root: ParentNode,
  hits: readonly RecordSearchHit[],
  current: number | null,
): Painted {
  if (!supported()) return { current: null, counterpart: null };
  const all: Range[] = [];
  hits.forEach((hit, i) => {
    if (i !== current) all.push(...rangesOf(root, hit));
  });
  CSS.highlights.set(HIGHLIGHTS.hit, new Highlight(...all));
  const hit = current === null ? undefined : hits[current];
  if (!hit) {
    CSS.highlights.delete(HIGHLIGHTS.current);
    CSS.highlights.delete(HIGHLIGHTS.counterpart);
    return { current: null, counterpart: null };
  }
  CSS.highlights.set(HIGHLIGHTS.current, new Highlight(...rangesOf(root, hit)));
  const counterparts = counterpartElements(root, hit);
  const ranges = counterparts.flatMap((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [range];
  });
  CSS.highlights.set(HIGHLIGHTS.counterpart, new Highlight(...ranges));
  const text = counterparts
    .map((el) => el.textContent ?? '')
    .join(' ')
    .trim();
  return {
    current:
      passageElements(root, hit.passageId).find(({ element, offset }) => {
        const length = element.textContent?.length ?? 0;
        return hit.start >= offset && hit.start < offset + length;
      })?.element ?? null,
    counterpart: text === '' ? null : text,
  };
}

export function clearHits(): void {
  if (!supported()) return;
  for (const name of Object.values(HIGHLIGHTS)) CSS.highlights.delete(name);
}
