// The page image beside the text: a record read from a scan or a PDF shows its pages here. It
// zooms, pans (drag or scroll) and turns pages with the keyboard; the passage being read is
// outlined on the image (its line under the caret filled), notes on the text show as regions,
// and clicking a region moves the text to its passage.
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { Annotation, Category, RecordDocument, Side } from '@shared/model';
import { boxInPixels, type FacsimilePage, type RecordFacsimile } from '@shared/scans/facsimile';
import { api, errorMessage } from '../../api/client';
import { revealPassage } from '../alignment/reveal';
import { useReadingSpot } from './use-reading-spot';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];

interface Props {
  record: RecordDocument;
  facsimile: RecordFacsimile;
  annotations: readonly Annotation[];
  categories: readonly Category[];
}

const imageCache = new Map<string, Promise<{ url: string; width: number; height: number }>>();

function pageImage(recordId: string, hash: string) {
  const key = `${recordId}:${hash}`;
  let entry = imageCache.get(key);
  if (!entry) {
    entry = api.call('records.pageImage', { id: recordId, hash });
    entry.catch(() => imageCache.delete(key));
    imageCache.set(key, entry);
  }
  return entry;
}

/** Pages of one side that have an image, in order. */
function sidePages(facsimile: RecordFacsimile, side: Side): FacsimilePage[] {
  return facsimile.pages.filter((p) => p.side === side && p.imageHash !== null);
}

export function FacsimilePane({ record, facsimile, annotations, categories }: Props): JSX.Element {
  const sides = (['original', 'translation'] as const).filter(
    (s) => sidePages(facsimile, s).length > 0,
  );
  const [side, setSide] = useState<Side>(sides[0] ?? 'original');
  const pages = sidePages(facsimile, side);
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [loaded, setLoaded] = useState<{
    hash: string;
    image?: { url: string; width: number; height: number };
    error?: string;
  } | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const page = pages[Math.min(index, pages.length - 1)];
  const image = loaded && loaded.hash === page?.imageHash ? (loaded.image ?? null) : null;
  const error = loaded && loaded.hash === page?.imageHash ? (loaded.error ?? null) : null;

  const layoutById = useMemo(
    () => new Map(facsimile.passages.map((p) => [p.passageId, p])),
    [facsimile],
  );
  const passageSide = useMemo(() => {
    const map = new Map<number, Side>();
    for (const p of record.original.passages) map.set(p.id, 'original');
    for (const p of record.translation.passages) map.set(p.id, 'translation');
    return map;
  }, [record]);

  // Follow the text: when the passage being read lies on another page, turn to it.
  const spot = useReadingSpot((spot) => {
    const layout = layoutById.get(spot.passageId);
    const spotSide = passageSide.get(spot.passageId);
    if (!layout || !spotSide || sidePages(facsimile, spotSide).length === 0) return;
    const box =
      layout.boxes.find((b) => spot.offset >= b.start && spot.offset <= b.end) ?? layout.boxes[0];
    const pageNumber = box?.page ?? layout.page;
    const target = sidePages(facsimile, spotSide).findIndex((p) => p.page === pageNumber);
    if (target < 0) return;
    setSide(spotSide);
    setIndex(target);
  });

  useEffect(() => {
    const hash = page?.imageHash;
    if (!hash) return;
    let live = true;
    pageImage(record.id, hash).then(
      (image) => live && setLoaded({ hash, image }),
      (e: unknown) => live && setLoaded({ hash, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [record.id, page?.imageHash]);

  const turn = useCallback(
    (by: number) => setIndex((i) => Math.max(0, Math.min(pages.length - 1, i + by))),
    [pages.length],
  );
  const zoomBy = useCallback((by: number) => {
    setZoom((z) => {
      const at = ZOOMS.indexOf(z);
      return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, (at < 0 ? 2 : at) + by))]!;
    });
  }, []);

  // Drag to pan.
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent): void => {
    if ((e.target as HTMLElement).closest('button')) return;
    const el = viewport.current!;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent): void => {
    const start = drag.current;
    if (!start) return;
    const el = viewport.current!;
    el.scrollLeft = start.left - (e.clientX - start.x);
    el.scrollTop = start.top - (e.clientY - start.y);
  };
  const endDrag = (): void => {
    drag.current = null;
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const keys: Record<string, () => void> = {
      PageDown: () => turn(1),
      PageUp: () => turn(-1),
      ']': () => turn(1),
      '[': () => turn(-1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(1),
    };
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  };

  if (!page)
    return (
      <aside className="facsimile-pane" aria-label="Page images">
        <p className="muted">No page images.</p>
      </aside>
    );

  const colourOf = (a: Annotation): string =>
    categories.find((c) => c.id === a.categoryId)?.color ?? '#F0E442';
  const onPage = facsimile.passages.filter(
    (p) => passageSide.get(p.passageId) === side && p.boxes.some((b) => b.page === page.page),
  );
  const current = spot ? layoutById.get(spot.passageId) : undefined;
  const textOf = (passageId: number): string =>
    record[passageSide.get(passageId) ?? 'original'].passages.find((p) => p.id === passageId)
      ?.text ?? '';
  const scale = image ? zoom : 1;
  const pixel = (box: { x: number; y: number; w: number; h: number }) => {
    const px = boxInPixels(box, page);
    return { left: px.x, top: px.y, width: px.w, height: px.h };
  };
  const doubtful = onPage.flatMap((p) =>
    p.uncertain.map((u) => ({
      passageId: p.passageId,
      start: u.start,
      word: textOf(p.passageId).slice(u.start, u.end),
    })),
  );

  return (
    <aside className="facsimile-pane" aria-label="Page images">
      <div className="facsimile-bar" role="toolbar" aria-label="Page image controls">
        {sides.length > 1 && (
          <select
            aria-label="Pages of"
            value={side}
            onChange={(e) => {
              setSide(e.target.value as Side);
              setIndex(0);
            }}
          >
            {sides.map((s) => (
              <option key={s} value={s}>
                {s === 'original' ? 'Original' : 'Translation'}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          onClick={() => turn(-1)}
          disabled={index === 0}
          aria-label="Previous page"
          title="Previous page (Page Up or [)"
        >
          ‹
        </button>
        <span className="facsimile-page-number" aria-live="polite">
          Page {page.page} of {pages.length}
        </span>
        <button
          type="button"
          onClick={() => turn(1)}
          disabled={index >= pages.length - 1}
          aria-label="Next page"
          title="Next page (Page Down or ])"
        >
          ›
        </button>
        <button type="button" onClick={() => zoomBy(-1)} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <span className="facsimile-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => zoomBy(1)} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" onClick={() => setZoom(1)} className="link-button">
          Fit width
        </button>
      </div>
      <div
        ref={viewport}
        className="facsimile-viewport"
        tabIndex={0}
        role="region"
        aria-label={`Page ${page.page} of ${page.sourceFile}; Page Up and Page Down turn pages, + and − zoom`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {error && <p role="alert">{error}</p>}
        {image && (
          <div
            className="facsimile-sheet"
            style={{ width: `${scale * 100}%`, aspectRatio: `${image.width} / ${image.height}` }}
          >
            <img
              src={image.url}
              alt={`Page ${page.page} of ${page.sourceFile}`}
              draggable={false}
            />
            <svg
              className="facsimile-regions"
              viewBox={`0 0 ${image.width} ${image.height}`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              {annotations.flatMap((a) =>
                a.targets.flatMap((t, ti) => {
                  const layout = t.passageId === null ? undefined : layoutById.get(t.passageId);
                  if (!layout || t.orphaned) return [];
                  return layout.boxes
                    .filter(
                      (b) =>
                        b.page === page.page &&
                        b.start < t.position.end &&
                        b.end > t.position.start,
                    )
                    .map((b, bi) => {
                      const r = pixel(b);
                      return (
                        <rect
                          key={`${a.id}-${ti}-${bi}`}
                          className="facsimile-note"
                          x={r.left}
                          y={r.top}
                          width={r.width}
                          height={r.height}
                          style={{ fill: colourOf(a) }}
                        />
                      );
                    });
                }),
              )}
              {current &&
                current.boxes
                  .filter((b) => b.page === page.page)
                  .map((b, i) => {
                    const r = pixel(b);
                    const caret = spot !== null && spot.offset >= b.start && spot.offset <= b.end;
                    return (
                      <rect
                        key={i}
                        className={caret ? 'facsimile-line facsimile-caret' : 'facsimile-line'}
                        x={r.left}
                        y={r.top}
                        width={r.width}
                        height={r.height}
                      />
                    );
                  })}
            </svg>
            {onPage.map((p) => {
              const boxes = p.boxes.filter((b) => b.page === page.page);
              const x0 = Math.min(...boxes.map((b) => b.x));
              const y0 = Math.min(...boxes.map((b) => b.y));
              const x1 = Math.max(...boxes.map((b) => b.x + b.w));
              const y1 = Math.max(...boxes.map((b) => b.y + b.h));
              const r = pixel({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
              const words = textOf(p.passageId).split(/\s+/).slice(0, 6).join(' ');
              return (
                <button
                  key={p.passageId}
                  type="button"
                  className={
                    p.passageId === current?.passageId
                      ? 'facsimile-region current'
                      : 'facsimile-region'
                  }
                  style={{
                    left: `${(r.left / image.width) * 100}%`,
                    top: `${(r.top / image.height) * 100}%`,
                    width: `${(r.width / image.width) * 100}%`,
                    height: `${(r.height / image.height) * 100}%`,
                  }}
                  aria-label={`Go to the passage “${words}…”`}
                  onClick={() => {
                    void revealPassage({ passageId: p.passageId, offset: 0 }).then(() => {
                      const el = document.querySelector<HTMLElement>(
                        `[data-passage-id="${p.passageId}"]`,
                      );
                      el?.scrollIntoView({ block: 'center' });
                      el?.focus({ preventScroll: true });
                    });
                  }}
                />
              );
            })}
          </div>
        )}
      </div>
      {doubtful.length > 0 && (
        <details className="facsimile-doubts">
          <summary>
            {doubtful.length} {doubtful.length === 1 ? 'word' : 'words'} to check on this page
          </summary>
          <ul>
            {doubtful.map((d) => (
              <li key={`${d.passageId}-${d.start}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void revealPassage({ passageId: d.passageId, offset: d.start })}
                >
                  {d.word}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
