// What the reader needs to draw an annotation's marks beyond its colour: the category's line
// (so categories differ in greyscale print), and which annotations are lit together.
import { createContext, useContext } from 'react';
import type { MarkLine } from '@shared/model';

export interface MarkDisplay {
  lineOf(annotationId: string): MarkLine;
  /** A short description for assistive technology, e.g. "Person: Ким Ир Сен". */
  labelOf(annotationId: string): string | undefined;
}

export const MarkDisplayContext = createContext<MarkDisplay>({
  lineOf: () => 'solid',
  labelOf: () => undefined,
});

export function useMarkDisplay(): MarkDisplay {
  return useContext(MarkDisplayContext);
}
