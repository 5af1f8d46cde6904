import { describe, expect, it } from 'vitest';
import { buildEdition, editionOptions } from '../../../src/main/services/export/edition/build';
import { passageRuns } from '../../../src/main/services/export/edition/runs';
import type { HandoutOptions } from '../../../src/shared/edition';
import { annotatedBundle } from './support';

const handout = (recordId: string, patch: Partial<HandoutOptions> = {}): HandoutOptions => ({
  title: 'Seminar: the 1951 armistice talks',
  instructions: 'Read both columns.\n\nAnswer the questions.',
  records: [{ recordId, rows: null }],
  languages: 'both',
  categories: null,
  glossary: true,
  questions: true,
  extraQuestions: '',
  ...patch,
});

describe('the edition model', () => {
  it('numbers notes in reading order and marks every visible span', async () => {
    const { bundle } = await annotatedBundle();
    const doc = buildEdition([bundle], editionOptions([bundle]), 'edition');
    const [section] = doc.sections;
    expect(section!.notes.map((n) => [n.number, n.quotes[0]!.text])).toEqual([
      [1, 'о перемирии'],
      [2, 'хозяевами дела'],
      [3, 'перемирия'],
    ]);
    expect(doc.questions!.map((q) => [q.number, q.text])).toEqual([
      [1, 'Why does Stalin leave the talks to Mao?'],
    ]);
    expect(doc.glossary).toEqual([
      {
        term: 'перемирия',
        termLang: 'ru',
        renderings: ['armistice'],
        renderingLang: 'en',
        note: 'Truce, armistice; not “peace”.',
        id: 'term-1',
      },
    ]);
    expect(section!.entities.map((e) => [e.kind, e.name, e.variants])).toEqual([
      ['person', 'Ким Ир Сеном', ['KIM IL SUNG']],
      ['place', 'Кайдзио', ['Gaeseong']],
    ]);
    // The bilingual note is referenced once, after its original span; its English span repeats it.
    const refs = section!.rows
      .flatMap((r) => [...r.original, ...r.translation])
      .flatMap((p) => p.runs.flatMap((run) => run.refs));
    expect(refs.filter((r) => r.number === 2 && r.kind === 'note').map((r) => r.primary)).toEqual([
      true,
      false,
    ]);
    expect(doc.categories.map((c) => c.id)).toEqual([
      'note',
      'person',
      'place',
      'date',
      'term',
      'translation-issue',
      'question',
    ]);
  });

  it('keeps only the chosen rows, languages and categories', async () => {
    const { bundle } = await annotatedBundle();
    const recordId = bundle.record.id;
    const row = bundle.record.alignment.findIndex((g) => g.original.includes(2));
    const russianOnly = buildEdition(
      [bundle],
      handout(recordId, {
        records: [{ recordId, rows: [row] }],
        languages: 'original',
        categories: ['translation-issue'],
      }),
      'handout',
    );
    const [section] = russianOnly.sections;
    expect(section!.rows).toHaveLength(1);
    expect(section!.rows[0]!.translation).toEqual([]);
    expect(section!.notes.map((n) => n.categoryId)).toEqual(['translation-issue']);
    expect(russianOnly.questions).toEqual([]);
    expect(russianOnly.instructions).toEqual(['Read both columns.', 'Answer the questions.']);

    const noExtras = buildEdition(
      [bundle],
      handout(recordId, { glossary: false, questions: false, extraQuestions: 'Ignored?' }),
      'handout',
    );
    expect(noExtras.glossary).toBeNull();
    expect(noExtras.questions).toBeNull();
    expect(noExtras.sections[0]!.notes.some((n) => n.categoryId === 'question')).toBe(false);

    const extra = buildEdition(
      [bundle],
      handout(recordId, { extraQuestions: 'Who drafted the reply?\n\n  What did Mao want?  ' }),
      'handout',
    );
    expect(extra.questions!.map((q) => q.text)).toEqual([
      'Why does Stalin leave the talks to Mao?',
      'Who drafted the reply?',
      'What did Mao want?',
    ]);
  });

  it('cuts overlapping and nested spans into runs that keep every mark', () => {
    const runs = passageRuns('abcdefghij', [
      {
        start: 0,
        end: 6,
        categoryId: 'note',
        note: 1,
        ref: { label: '1', kind: 'note', number: 1, primary: true },
      },
      { start: 2, end: 4, categoryId: 'person', note: null, ref: null },
      {
        start: 4,
        end: 9,
        categoryId: 'term',
        note: 2,
        ref: { label: '2', kind: 'note', number: 2, primary: true },
      },
    ]);
    expect(runs.map((r) => [r.text, r.categoryIds, r.refs.map((x) => x.label)])).toEqual([
      ['ab', ['note'], []],
      ['cd', ['note', 'person'], []],
      ['ef', ['note', 'term'], ['1']],
      ['ghi', ['term'], ['2']],
      ['j', [], []],
    ]);
  });
});
