// Bringing a spot of the text into view. The aligned text renders only the rows near the
// viewport, so code that looks for a mark or a passage in the page (the Annotations panel's
// "Show in text", keyboard jumps between notes) first asks the reader to render its row.
import type { Annotation } from '@shared/model';

export interface RevealTarget {
  passageId: number;
  /** Character offset in the passage; picks the sentence in the sentence view. */
  offset: number;
}

type RevealHandler = (target: RevealTarget) => Promise<void>;

let handler: RevealHandler | null = null;

/** The aligned reader registers itself here; returns the unregistration. */
export function handleReveals(next: RevealHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

/** Scrolls the row holding this spot into view and resolves once it is in the page. */
export async function revealPassage(target: RevealTarget): Promise<void> {
  await handler?.(target);
}

/** Renders the row of an annotation's first anchored target (then its marks can be found). */
export async function revealAnnotation(annotation: Annotation): Promise<void> {
  const target = annotation.targets.find((t) => t.passageId !== null && !t.orphaned);
  if (!target || target.passageId === null) return;
  await revealPassage({ passageId: target.passageId, offset: target.position.start });
}
