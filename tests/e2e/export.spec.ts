// Exports as a user makes them: every format from the Export dialog (downloads in the browser),
// a link that opens the reader at one note, annotations imported from Hypothesis, and a
// teaching handout built, previewed, exported to Word and PDF, and remembered.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { seriousAccessibilityProblems } from './support/axe';
import { expect, ROOT, screenshot, test } from './support/fixtures';

const TITLE = 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong';

/** Serious or critical accessibility problems inside the open dialog (axe-core). */
const accessibilityProblems = (page: Page): Promise<string[]> =>
  seriousAccessibilityProblems(page, 'dialog[open]');

/** Calls the app's API from the page, with the page's own credentials. */
async function apiCall<T>(page: Page, method: string, input: object): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return response.json();
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

interface Passage {
  id: number;
  text: string;
}

/** Notes on the sample, as a historian would have made them in the reader. */
async function annotateSample(page: Page): Promise<string> {
  const [summary] = await apiCall<{ id: string }[]>(page, 'records.list', {});
  const record = await apiCall<{
    original: { passages: Passage[] };
    translation: { passages: Passage[] };
  }>(page, 'records.get', { id: summary!.id });
  const span = (passages: Passage[], phrase: string) => {
    const p = passages.find((x) => x.text.includes(phrase))!;
    const start = p.text.indexOf(phrase);
    return { passageId: p.id, start, end: start + phrase.length };
  };
  const comment = (words: string) =>
    JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        children: [
          {
            type: 'paragraph',
            version: 1,
            format: '',
            indent: 0,
            direction: 'ltr',
            children: [
              {
                type: 'text',
                version: 1,
                text: words,
                format: 0,
                detail: 0,
                mode: 'normal',
                style: '',
              },
            ],
          },
        ],
      },
    });
  await apiCall(page, 'annotations.create', {
    recordId: summary!.id,
    targets: [span(record.original.passages, 'о перемирии')],
    comment: { json: comment('Stalin answers at once.') },
  });
  await apiCall(page, 'annotations.create', {
    recordId: summary!.id,
    targets: [
      span(record.original.passages, 'хозяевами дела'),
      span(record.translation.passages, 'the bosses of the affair'),
    ],
    categoryId: 'translation-issue',
    comment: { json: comment('More like “masters of the situation”.') },
  });
  await apiCall(page, 'annotations.create', {
    recordId: summary!.id,
    targets: [span(record.translation.passages, "It's up to you to lead, Comrade MAO ZEDONG.")],
    categoryId: 'question',
    comment: { json: comment('Why does Stalin leave the talks to Mao?') },
  });
  // One row checked and confirmed: the translation memory holds it.
  await apiCall(page, 'alignment.confirm', {
    recordId: summary!.id,
    level: 'paragraph',
    row: { original: [1], translation: [3] },
  });
  return summary!.id;
}

async function saved(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

test('every format comes out of the Export dialog as a download', async ({ page, server }) => {
  // Ten formats, the PDF printed by Chromium: slow on a busy machine.
  test.slow();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const recordId = await annotateSample(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Export… lives in one place, the top bar; the reader has no second one.
  await expect(page.getByRole('button', { name: 'Export…' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Handout…' })).toHaveCount(1);
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole('checkbox', { name: new RegExp(TITLE.slice(0, 20)) }),
  ).toBeChecked();
  await screenshot(page, 'export-01-dialog');
  expect(await accessibilityProblems(page)).toEqual([]);

  const expectations: [string, RegExp, (body: Buffer) => void][] = [
    ['Markdown notes', /- notes\.md$/, (b) => expect(b.toString()).toContain('> о перемирии')],
    [
      'CSV table',
      /- notes\.csv$/,
      (b) => expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]),
    ],
    [
      'Marginalia JSON',
      /- library\.json$/,
      (b) => expect(JSON.parse(b.toString()).format).toBe('marginalia-export'),
    ],
    [
      'W3C Web Annotation (JSON-LD)',
      /- annotations\.jsonld$/,
      (b) => expect(JSON.parse(b.toString()).total).toBe(3),
    ],
    [
      'TEI P5 edition',
      /- TEI\.xml$/,
      (b) => expect(b.toString()).toContain('<TEI xmlns="http://www.tei-c.org/ns/1.0"'),
    ],
    [
      'Annotated edition (HTML)',
      /- edition\.html$/,
      (b) => expect(b.toString()).toContain('<mark class="m c-note">о перемирии</mark>'),
    ],
    [
      'Annotated edition (PDF)',
      /- edition\.pdf$/,
      (b) => expect(b.subarray(0, 5).toString()).toBe('%PDF-'),
    ],
    [
      'Teaching handout (Word)',
      /- handout\.docx$/,
      (b) => expect(b.subarray(0, 2).toString()).toBe('PK'),
    ],
    [
      'Citations (CSL-JSON)',
      /- citations\.json$/,
      (b) => expect(JSON.parse(b.toString())[0].type).toBe('manuscript'),
    ],
    [
      'Citations (BibTeX)',
      /- citations\.bib$/,
      (b) => expect(b.toString()).toMatch(/^@misc\{ciphered1951_110374,/),
    ],
    [
      'Translation memory (TMX)',
      /- translation memory\.tmx$/,
      (b) =>
        expect(b.toString()).toContain(
          '<tuv xml:lang="ru"><seg>Ваши телеграммы о перемирии получены.</seg></tuv>',
        ),
    ],
  ];
  for (const [label, name, check] of expectations) {
    await dialog
      .getByRole('radio', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
      .check();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Export 1 record as/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(name);
    check(await saved(download));
    await expect(dialog.getByRole('status').filter({ hasText: 'Exported:' })).toBeVisible();
  }
  await screenshot(page, 'export-02-exported');

  // Annotations from Hypothesis, found on this record by their text.
  await dialog
    .getByLabel('Annotation file to import')
    .setInputFiles(path.join(ROOT, 'tests/fixtures/interop/hypothesis-110374.json'));
  const imported = dialog.getByText('3 annotations imported, 1 need re-attaching.');
  await expect(imported).toBeVisible();
  await imported.scrollIntoViewIfNeeded();
  // The record list counts the new notes.
  await expect(dialog.getByRole('checkbox', { name: /6 notes/ })).toBeChecked();
  await screenshot(page, 'export-03-imported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A link to one note opens the reader at its span.
  const json = JSON.parse(
    (
      await apiCall<{ content: string }>(page, 'export.file', {
        recordIds: [recordId],
        format: 'json',
      })
    ).content,
  );
  const note = json.records[0].annotations.find((a: { comment: { text: string } }) =>
    a.comment.text.startsWith('More like'),
  );
  await page.goto(`${server.origin}/#/record/${recordId}?annotation=${note.id}`);
  const mark = page.locator(`mark[data-annotations~="${note.id}"]`).first();
  await expect(mark).toHaveClass(/flash/);
  await screenshot(page, 'export-04-deep-link');
});

test('a teacher builds a handout, previews it, exports Word and PDF, and finds her settings again', async ({
  page,
  server,
}) => {
  // Word and PDF are rendered by real tools (the PDF by Chromium): on a busy two-core machine the
  // whole session can take longer than the default minute.
  test.slow();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await annotateSample(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Handout…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Teaching handout' });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('article', { name: 'Handout preview' });
  await expect(preview).toContainText('Ваши телеграммы о перемирии');

  await dialog
    .getByRole('textbox', { name: 'Title' })
    .fill('Семинар: переговоры о перемирии, 1951');
  await dialog
    .getByRole('textbox', { name: 'Instructions' })
    .fill('Read the Russian text closely.\n\nUse the glossary.');
  // Keep only two rows: the first Russian line and the long paragraph after it.
  await dialog.getByText(/^Rows of/).click();
  await dialog.getByRole('button', { name: 'No rows' }).click();
  const rows = dialog.getByRole('list', { name: /^Rows of/ });
  await rows.getByRole('checkbox', { name: /Ваши телеграммы/ }).check();
  await rows.getByRole('checkbox', { name: /По нашему мнению/ }).check();
  await dialog.getByRole('radio', { name: 'Original only' }).check();
  await dialog
    .getByRole('textbox', { name: 'More questions, one per line' })
    .fill('Who signs the reply?');
  await expect(preview).toContainText('Семинар: переговоры о перемирии, 1951');
  await expect(preview).toContainText('Use the glossary.');
  await expect(preview).not.toContainText('Your telegrams about an armistice');
  await expect(preview).not.toContainText('Пошлите Риджуэю');
  await expect(preview.getByRole('list', { name: 'Notes' })).toContainText(
    'Stalin answers at once.',
  );
  await expect(preview).toContainText('Who signs the reply?');
  await screenshot(page, 'handout-01-builder');
  expect(await accessibilityProblems(page)).toEqual([]);

  const word = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export handout (DOCX)' }).click();
  const docx = await word;
  expect(docx.suggestedFilename()).toBe('Семинар переговоры о перемирии, 1951.docx');
  expect((await saved(docx)).subarray(0, 2).toString()).toBe('PK');

  await dialog.getByRole('radio', { name: 'PDF' }).check();
  const printing = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export handout (PDF)' }).click();
  await expect(dialog.getByRole('status').first()).toBeVisible();
  const pdf = await printing;
  expect(pdf.suggestedFilename()).toBe('Семинар переговоры о перемирии, 1951.pdf');
  expect((await saved(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  await screenshot(page, 'handout-02-exported');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Next session: her choices are there again.
  await page.reload();
  await page.getByRole('banner').getByRole('button', { name: 'Handout…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Семинар: переговоры о перемирии, 1951',
  );
  await expect(dialog.getByRole('radio', { name: 'Original only' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'PDF' })).toBeChecked();
  await screenshot(page, 'handout-03-remembered');
});
