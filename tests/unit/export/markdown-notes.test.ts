import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/main/services/annotations/annotations-service';
import { exportNotes } from '../../../src/main/services/export';
import { exportFileName } from '../../../src/main/services/export/markdown-notes';
import { importSample, memoryContext } from '../support/context';
import { lexicalState, list, paragraph, text } from '../support/lexical';

function annotatedSample() {
  const ctx = memoryContext();
  const recordId = importSample(ctx);
  const record = ctx.records.get(recordId)!;
  const span = (side: 'original' | 'translation', phrase: string) => {
    const p = record[side].passages.find((x) => x.text.includes(phrase))!;
    const start = p.text.indexOf(phrase);
    return { passageId: p.id, start, end: start + phrase.length };
  };
  createAnnotation(ctx, {
    recordId,
    targets: [span('translation', 'the bosses of the affair')],
    categoryId: 'translation-issue',
    comment: {
      json: lexicalState(
        paragraph(text('More like '), text('masters of the situation', 2), text('.')),
      ),
    },
  });
  createAnnotation(ctx, {
    recordId,
    targets: [span('original', 'о перемирии')],
    comment: {
      json: lexicalState(
        paragraph(text('Stalin answers '), text('at once', 1), text('.')),
        list('bullet', [text('compare “armistice”')]),
      ),
    },
  });
  createAnnotation(ctx, {
    recordId,
    targets: [span('translation', 'No. 335/III')],
    categoryId: 'date',
  });
  return { ctx, record: ctx.records.get(recordId)! };
}

describe('Markdown notes export', () => {
  it('matches the reviewed golden file', async () => {
    const { ctx, record } = annotatedSample();
    const file = exportNotes(ctx, record, 'md');
    expect(file.mimeType).toBe('text/markdown');
    expect(file.fileName).toBe(
      'Ciphered Telegram No. 3917, Filippov Stalin to Krasovsky, for Cde. Mao Zedong - notes.md',
    );
    await expect(file.content).toMatchFileSnapshot('../../fixtures/golden/notes-110374.md');
  });

  it('lists notes in text order with language, quote, counterpart and comment', () => {
    const { ctx, record } = annotatedSample();
    const md = exportNotes(ctx, record, 'md').content;
    const order = ['> о перемирии', '> the bosses of the affair', '> No. 335/III'].map((q) =>
      md.indexOf(q),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md).toContain(
      '- **Aligned English passage:** Your telegrams about an armistice have been received.',
    );
    expect(md).toContain(
      '- **Aligned Russian passage:** ' + record.original.passages[2]!.text.slice(0, 40),
    );
    expect(md).toContain('_none (this line has no counterpart)_');
    expect(md).toContain('More like *masters of the situation*.');
    expect(md).toContain('- **Category:** Translation issue');
  });

  it('keeps record text from becoming Markdown structure', () => {
    const { ctx, record } = annotatedSample();
    const md = exportNotes(
      ctx,
      { ...record, title: '# Not a <b>heading</b> [x](javascript:y)' },
      'md',
    ).content;
    expect(md).toContain('# \\# Not a \\<b\\>heading\\</b\\> \\[x\\](javascript:y)');
    expect(md).toContain('title: "# Not a <b>heading</b> [x](javascript:y)"');
  });

  it('makes a safe file name from any title', () => {
    expect(exportFileName({ title: 'a/b\\c:d*?"<>|' } as never, 'md')).toBe('a b c d - notes.md');
    expect(exportFileName({ title: '///' } as never, 'md')).toBe('record - notes.md');
  });
});
