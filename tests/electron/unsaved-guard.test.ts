// The shell's half of "warn before closing or reloading with unsaved words": the page cancels the
// unload, and the shell asks; "Leave" lets the reload or close go ahead, "Stay" keeps the page.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { askBeforeLeavingUnsavedWords } from '../../src/main/electron/unsaved-guard';

type Listener = (event: { preventDefault(): void }) => void;

function windowWithAnswer(answer: number) {
  const listeners = new Map<string, Listener>();
  const questions: unknown[] = [];
  const window = {
    webContents: { on: (name: string, listener: Listener) => listeners.set(name, listener) },
  } as unknown as BrowserWindow;
  const dialog = {
    showMessageBoxSync: (_window: unknown, options: unknown) => {
      questions.push(options);
      return answer;
    },
  } as unknown as Dialog;
  askBeforeLeavingUnsavedWords(window, dialog);
  return { guard: listeners.get('will-prevent-unload')!, questions };
}

describe('leaving a page with unsaved words', () => {
  it('asks once, and "Leave" lets the page go', () => {
    const { guard, questions } = windowWithAnswer(0);
    const event = { preventDefault: vi.fn() };
    guard(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(questions).toEqual([
      expect.objectContaining({ buttons: ['Leave', 'Stay'], defaultId: 1, cancelId: 1 }),
    ]);
  });

  it('"Stay" (or Esc) keeps the page and its words', () => {
    const { guard, questions } = windowWithAnswer(1);
    const event = { preventDefault: vi.fn() };
    guard(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(questions).toHaveLength(1);
  });
});
