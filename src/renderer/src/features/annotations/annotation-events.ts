// Tells the open reader about annotations that changed, the moment the API answers, so a new
// highlight is painted at once instead of after the next full reload of the record's notes.
import type { Annotation } from '@shared/model';

export interface AnnotationChange {
  upsert?: Annotation[];
  remove?: string[];
}

type Listener = (change: AnnotationChange) => void;

const listeners = new Set<Listener>();

export function publishAnnotations(change: AnnotationChange): void {
  for (const listener of listeners) listener(change);
}

export function subscribeAnnotations(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies a change to a list: replaced in place, new ones appended, removed ones dropped. */
export function applyAnnotationChange(list: Annotation[], change: AnnotationChange): Annotation[] {
  const removed = new Set(change.remove ?? []);
  const updates = new Map((change.upsert ?? []).map((a) => [a.id, a]));
  const next = list
    .filter((a) => !removed.has(a.id))
    .map((a) => {
      const updated = updates.get(a.id);
      if (updated) updates.delete(a.id);
      return updated ?? a;
    });
  return updates.size > 0 ? [...next, ...updates.values()] : next;
}
