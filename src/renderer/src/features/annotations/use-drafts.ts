// The record's drafts kept from before (a reload, a crash): the newest comment comes back in its
// dialog as the record opens, replies come back in their notes' reply boxes, and any other
// comment waits in the Notes tab to be resumed or discarded.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Draft, DraftTarget } from '@shared/model';
import { api } from '../../api/client';
import { revealPassage } from '../alignment/reveal';
import { passageElementAt, type PassageSelection } from '../reader/selection';

/** The draft target of selected words. */
export function spanTarget(selection: PassageSelection): DraftTarget {
  const { passageId, start, end, text } = selection;
  return { kind: 'span', passageId, start, end, quote: text };
}

/** The same target, as the library keys drafts (one per record and target). */
export function sameTarget(a: DraftTarget, b: DraftTarget): boolean {
  if (a.kind === 'span' && b.kind === 'span') {
    return a.passageId === b.passageId && a.start === b.start && a.end === b.end;
  }
  return a.kind === 'note' && b.kind === 'note' && a.annotationId === b.annotationId;
}

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Brings a passage's row into the page and waits until it is there (the reader may still be
 * loading the alignment when a draft is resumed). False when it never came (about 5 s).
 */
export async function waitForPassage(passageId: number, offset: number): Promise<boolean> {
  for (let frame = 0; frame < 300; frame++) {
    await revealPassage({ passageId, offset });
    if (passageElementAt(passageId, offset)) return true;
    await nextFrame();
  }
  return false;
}

export interface Drafts {
  /** Drafts kept from before and not open now; null while loading. */
  waiting: Draft[] | null;
  /** Takes a draft out of the waiting list (it is being resumed). */
  take(id: string): void;
  /** Puts a draft (back) in the waiting list: its editor went away with unsaved words. */
  keep(draft: Draft): void;
  /** The reply to a note kept from before, if any. */
  replyTo(annotationId: string): Draft | null;
  /** Throws a waiting draft away. */
  discard(draft: Draft): Promise<void>;
}

export function useDrafts(recordId: string): Drafts {
  const [waiting, setWaiting] = useState<Draft[] | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('drafts.list', { recordId })
      .then((list) => live && setWaiting(list))
      // Drafts are a safety net: without them the reader works as ever.
      .catch(() => live && setWaiting([]));
    return () => {
      live = false;
    };
  }, [recordId]);

  const take = useCallback(
    (id: string) => setWaiting((list) => list?.filter((d) => d.id !== id) ?? list),
    [],
  );
  const keep = useCallback(
    (draft: Draft) =>
      setWaiting((list) => [draft, ...(list ?? []).filter((d) => d.id !== draft.id)]),
    [],
  );
  const replyTo = useCallback(
    (annotationId: string) =>
      waiting?.find(
        (d) =>
          d.kind === 'reply' && d.target.kind === 'note' && d.target.annotationId === annotationId,
      ) ?? null,
    [waiting],
  );
  const discard = useCallback(
    async (draft: Draft) => {
      await api.call('drafts.discard', { id: draft.id });
      take(draft.id);
    },
    [take],
  );
  return useMemo(
    () => ({ waiting, take, keep, replyTo, discard }),
    [waiting, take, keep, replyTo, discard],
  );
}
