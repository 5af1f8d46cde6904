// Opening the reader at one annotation: the address #/record/ID?annotation=ID (where the desktop
// app's marginalia:// links lead, and what the browser mode uses directly) brings the note's
// span into view and makes it flash, once the record's annotations are loaded.
import { useEffect, useEffectEvent, useRef } from 'react';
import { parseHashRoute } from '@shared/deep-link';
import type { Annotation } from '@shared/model';

export function useAnnotationLink(
  annotations: Annotation[],
  show: (annotation: Annotation) => void,
): void {
  const shown = useRef<string | null>(null);
  const showOnce = useEffectEvent(show);

  useEffect(() => {
    const reveal = (): void => {
      const id = parseHashRoute(window.location.hash)?.annotationId ?? null;
      if (!id || shown.current === id) return;
      const annotation = annotations.find((a) => a.id === id);
      if (!annotation) return;
      shown.current = id;
      showOnce(annotation);
    };
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, [annotations]);
}
