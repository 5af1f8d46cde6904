import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/renderer/src/features/reader/segments';

describe('cutting a passage into marked runs', () => {
  it('leaves unannotated text as one run', () => {
    expect(segmentText(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('marks exactly the annotated span', () => {
    expect(segmentText(10, [{ id: 'a', start: 2, end: 5 }])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: [] },
    ]);
  });

  it('shows all three annotations on text inside three', () => {
    const segments = segmentText(20, [
      { id: 'outer', start: 0, end: 20 },
      { id: 'middle', start: 5, end: 15 },
      { id: 'inner', start: 8, end: 10 },
    ]);
    expect(segments.find((s) => s.start === 8)).toEqual({
      start: 8,
      end: 10,
      ids: ['outer', 'middle', 'inner'],
    });
    expect(segments.map((s) => s.ids.length)).toEqual([1, 2, 3, 2, 1]);
  });

  it('clamps spans to the text and ignores empty ones', () => {
    expect(
      segmentText(4, [
        { id: 'a', start: -3, end: 99 },
        { id: 'b', start: 2, end: 2 },
      ]),
    ).toEqual([{ start: 0, end: 4, ids: ['a'] }]);
  });
});
