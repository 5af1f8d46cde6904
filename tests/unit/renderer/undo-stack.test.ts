import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../../src/renderer/src/features/undo/undo-stack';

function counter() {
  const log: string[] = [];
  const entry = (name: string) => ({
    label: name,
    undo: async () => void log.push(`undo ${name}`),
    redo: async () => void log.push(`redo ${name}`),
  });
  return { log, entry };
}

describe('undo history', () => {
  it('undoes and redoes in order', async () => {
    const stack = new UndoStack();
    const { log, entry } = counter();
    stack.push(entry('a'));
    stack.push(entry('b'));
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBe('a');
    expect(await stack.undo()).toBeNull();
    expect(await stack.redo()).toBe('a');
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('forgets the redo branch after a new action', async () => {
    const stack = new UndoStack();
    const { entry } = counter();
    stack.push(entry('a'));
    await stack.undo();
    stack.push(entry('c'));
    expect(stack.canRedo).toBe(false);
  });

  it('runs quick repeated undos one after another, never interleaved', async () => {
    const stack = new UndoStack();
    const events: string[] = [];
    const slow = (name: string) => ({
      label: name,
      undo: async () => {
        events.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 10));
        events.push(`end ${name}`);
      },
      redo: async () => undefined,
    });
    stack.push(slow('a'));
    stack.push(slow('b'));
    await Promise.all([stack.undo(), stack.undo()]);
    expect(events).toEqual(['start b', 'end b', 'start a', 'end a']);
  });

  it('keeps an entry whose undo failed, so it can be tried again', async () => {
    const stack = new UndoStack();
    stack.push({
      label: 'x',
      undo: async () => Promise.reject(new Error('offline')),
      redo: async () => undefined,
    });
    await expect(stack.undo()).rejects.toThrow('offline');
    expect(stack.canUndo).toBe(true);
  });

  it('an Undo offered on the spot takes back its own action only while it is the latest', async () => {
    const stack = new UndoStack();
    const { log, entry } = counter();
    const trashed = entry('delete 2 records');
    stack.push(trashed);
    stack.push(entry('highlight'));
    expect(await stack.undoIfLatest(trashed)).toBeNull();
    expect(log).toEqual([]);
    expect(await stack.undo()).toBe('highlight');
    expect(await stack.undoIfLatest(trashed)).toBe('delete 2 records');
    expect(await stack.undoIfLatest(trashed)).toBeNull();
    expect(log).toEqual(['undo highlight', 'undo delete 2 records']);
    expect(await stack.redo()).toBe('delete 2 records');
  });
});
