// The draft saver's order of work: one save at a time with only the latest words sent, the
// note's own save after any draft save on its way (and no draft save after it), a discard that
// removes what was kept, and the words not yet sent going out as the page leaves.
import { describe, expect, it } from 'vitest';
import {
  DraftSaver,
  type DraftContent,
  type DraftSaveInput,
  type DraftTransport,
} from '../../../src/renderer/src/features/annotations/draft-saver';

/** A transport whose calls wait until the test lets them finish, recording what was sent. */
function recordingTransport() {
  const log: string[] = [];
  const waiting: (() => void)[] = [];
  const hold = (entry: string): Promise<void> => {
    log.push(entry);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const text = (input: DraftSaveInput) => `${input.json ?? '∅'}@${input.revision > 0 ? 'r' : '0'}`;
  const transport: DraftTransport = {
    save: (input) => hold(`save ${text(input)}`),
    discard: (id) => hold(`discard ${id}`),
    sendLeaving: (input) => void log.push(`leave ${text(input)}`),
  };
  /** Lets the oldest call finish, then lets the saver go on. */
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  const finishOne = async (): Promise<void> => {
    await settle();
    waiting.shift()?.();
    await settle();
  };
  return { log, transport, finishOne, pending: () => waiting.length };
}

const words = (json: string | null, tags: string[] = []): DraftContent => ({
  json,
  categoryId: 'note',
  tags,
  noteType: null,
});

const identity = {
  id: '00000000-0000-4000-8000-000000000001',
  recordId: 'r1',
  kind: 'comment' as const,
  target: { kind: 'span' as const, passageId: 1, start: 0, end: 4, quote: 'word' },
};

describe('the draft saver', () => {
  it('sends one save at a time, and only the latest words of those typed meanwhile', async () => {
    const t = recordingTransport();
    const saver = new DraftSaver(identity, 0, t.transport);
    saver.update(words('T'));
    await Promise.resolve();
    saver.update(words('Ta'));
    saver.update(words('Tas'));
    saver.update(words('Tass'));
    await t.finishOne();
    await t.finishOne();
    expect(t.log).toEqual(['save T@r', 'save Tass@r']);
    expect(t.pending()).toBe(0);
  });

  it('saves the note after the draft save on its way, and sends no draft after it', async () => {
    const t = recordingTransport();
    const saver = new DraftSaver(identity, 0, t.transport);
    saver.update(words('Tas'));
    await Promise.resolve();
    saver.update(words('Tass')); // not sent yet when the note is saved
    const committed = saver.finish(async () => void t.log.push('create note'));
    await t.finishOne();
    await committed;
    saver.update(words('Tass!')); // typed while the dialog closes
    await t.finishOne();
    expect(t.log).toEqual(['save Tas@r', 'create note']);
  });

  it('a blank draft is removed, not saved; a discard removes what was kept', async () => {
    const t = recordingTransport();
    const saver = new DraftSaver(identity, 0, t.transport);
    saver.update(words(null)); // nothing was kept: nothing to do
    await t.finishOne();
    saver.update(words('Half a thought'));
    await t.finishOne();
    saver.update(words(null));
    await t.finishOne();
    await t.finishOne();
    expect(t.log).toEqual(['save Half a thought@r', `discard ${identity.id}`]);

    const kept = new DraftSaver(identity, 0, t.transport);
    kept.update(words(null, ['idiom']));
    await t.finishOne();
    const discarded = kept.discard();
    await t.finishOne();
    await discarded;
    expect(t.log.slice(2)).toEqual(['save ∅@r', `discard ${identity.id}`]);
  });

  it('sends the words not yet on their way as the page leaves', async () => {
    const t = recordingTransport();
    const saver = new DraftSaver(identity, 0, t.transport);
    saver.update(words('Tas'));
    await Promise.resolve();
    saver.update(words('Tass'));
    saver.flushOnLeave();
    expect(t.log).toEqual(['save Tas@r', 'leave Tass@r']);
  });

  it('a resumed draft goes on from its revision, and a discard removes it', async () => {
    const t = recordingTransport();
    const saver = new DraftSaver(identity, Date.now() + 60_000, t.transport);
    const sent: number[] = [];
    const transport = {
      ...t.transport,
      save: (i: DraftSaveInput) => (sent.push(i.revision), t.transport.save(i)),
    };
    const resumed = new DraftSaver(identity, Date.now() + 60_000, transport);
    resumed.update(words('more'));
    await t.finishOne();
    expect(sent[0]).toBeGreaterThan(Date.now() + 59_000);
    const gone = saver.discard();
    await t.finishOne();
    await gone;
    expect(t.log.at(-1)).toBe(`discard ${identity.id}`);
  });
});
