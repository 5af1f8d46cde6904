// A historian brings a stack of files: copied pages in several languages, a saved web page, an
// original with its translation, a broken file and one she already has. She watches the
// progress, reads the report, stops a long folder import half-way, imports a German pair with
// its languages, replaces a record with a corrected copy, and drops a file on the window.
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import { expect, ROOT, screenshot, tempDir, test } from './support/fixtures';

const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const fixture = (name: string): string => path.join(FIXTURES, name);

/**
 * Holds the `nth` call of import.item (counting from 1) until `release` is called, so a test can
 * look at the progress bar mid-batch without racing the server.
 */
async function holdImportCall(
  page: Page,
  nth: number,
): Promise<{ held: Promise<void>; release(): void }> {
  let count = 0;
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (reached = resolve));
  await page.route('**/api/import.item', async (route: Route) => {
    count++;
    if (count === nth) {
      reached();
      await gate;
    }
    await route.continue();
  });
  return { held, release };
}

function library(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

test('a batch import with progress, a report, a cancel, a pair, a replace and a drop', async ({
  page,
  server,
}) => {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const libraryItems = library(page).getByRole('listitem');
  const before = await libraryItems.count();

  // The Import dialog: what can be imported, and what to do with duplicates.
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import records' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Skip it/ })).toBeChecked();
  await screenshot(page, 'import-01-dialog');

  // Seven files: four records, a pair named alike, a broken file and a duplicate.
  const work = tempDir('import-files');
  const broken = path.join(work, 'broken.txt');
  fs.writeFileSync(broken, Buffer.from([0x50, 0xe9, 0x6b, 0x69, 0x6e, 0x67, 0x0a]));
  const files = [
    fixture('archive-page/chinese-english.txt'),
    fixture('archive-page/german-english.txt'),
    fixture('archive-page/korean-english.txt'),
    fixture('pairs/politburo-1954.ru.txt'),
    fixture('pairs/politburo-1954.en.txt'),
    broken,
    fixture('html/wilson-center-110374.html'),
  ];
  const gate = await holdImportCall(page, 3);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(files);
  await expect(dialog).toBeHidden();

  // Mid-batch: the bar and the counts show where it is.
  await gate.held;
  const panel = page.getByRole('region', { name: /Importing 6 items/ });
  const bar = panel.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('value', '2');
  await expect(bar).toHaveAttribute('max', '6');
  await expect(panel).toContainText('2 of 6 done · 2 imported · 0 skipped · 0 failed');
  await expect(panel).toContainText('Now: korean-english.txt');
  await expect(panel.getByRole('button', { name: 'Cancel import' })).toBeEnabled();
  await screenshot(page, 'import-02-progress');
  gate.release();

  // The report: every file accounted for.
  const report = page.getByRole('region', { name: 'Import finished' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('6 of 6 done · 4 imported · 1 skipped · 1 failed');
  const imported = report.getByRole('region', { name: 'Imported (4)' });
  await expect(imported.getByRole('button')).toHaveText([
    'Telegram, Mao Zedong to Filippov [Stalin], on Sending Volunteers to Korea',
    'Letter from Walter Ulbricht to Nikita Khrushchev on Measures in Berlin',
    'Letter from Kim Il Sung and Pak Heon-yeong to Stalin',
    'RESOLUTION OF THE PRESIDIUM OF THE CC CPSU',
  ]);
  await expect(imported).toContainText('politburo-1954.ru.txt + politburo-1954.en.txt');
  await expect(report.getByRole('region', { name: 'Skipped as duplicates (1)' })).toContainText(
    'wilson-center-110374.html: Already in the library as “Ciphered Telegram No. 3917',
  );
  await expect(report.getByRole('region', { name: 'Failed (1)' })).toContainText(
    'broken.txt: The file is not UTF-8 text.',
  );
  await expect(page.getByRole('alert')).toContainText('Could not import broken.txt');
  await expect(libraryItems).toHaveCount(before + 4);
  await screenshot(page, 'import-03-report');

  // Ctrl+Z takes the new records back out; Ctrl+Shift+Z brings them back.
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: import of 4 records.');
  await expect(libraryItems).toHaveCount(before);
  await page.locator('body').press('Control+Shift+z');
  await expect(page.getByRole('status')).toContainText('Redone: import of 4 records.');
  await expect(libraryItems).toHaveCount(before + 4);

  // Open one from the report: the Korean letter, aligned with its English translation.
  await imported
    .getByRole('button', { name: 'Letter from Kim Il Sung and Pak Heon-yeong to Stalin' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Letter from Kim Il Sung and Pak Heon-yeong to Stalin',
  );
  await expect(page.getByRole('region', { name: /Korean/ })).toContainText('김일성');
  await report.getByRole('button', { name: 'Close report' }).click();
  await expect(report).toBeHidden();

  // A long folder import, cancelled half-way: what was done stays, the rest is listed.
  const folder = path.join(tempDir('import-folder'), 'telegrams');
  fs.mkdirSync(folder);
  const sample = fs.readFileSync(
    path.join(ROOT, 'resources/sample/wilson-center-110374.txt'),
    'utf8',
  );
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, '0');
    fs.writeFileSync(
      path.join(folder, `telegram-${n}.txt`),
      sample
        .replace('Ciphered Telegram No. 3917,', `Ciphered Telegram No. 40${n},`)
        .replace(/110374$/, `9100${n}`)
        .replace('Ваши телеграммы о перемирии получены.', `Ваши телеграммы № ${n} получены.`),
    );
  }
  fs.writeFileSync(path.join(folder, 'scan.gif'), 'not a record');
  const longGate = await holdImportCall(page, 3);
  await page.getByLabel('Import a folder of records').setInputFiles(folder);
  await longGate.held;
  const running = page.getByRole('region', { name: /Importing 30 items/ });
  await expect(running).toContainText('2 of 30 done');
  await running.getByRole('button', { name: 'Cancel import' }).click();
  await expect(running.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  longGate.release();
  const cancelled = page.getByRole('region', { name: 'Import cancelled' });
  await expect(cancelled).toContainText('3 of 30 done · 3 imported · 0 skipped · 0 failed');
  // A folder's files go in the order of their names.
  await expect(cancelled.getByRole('region', { name: 'Imported (3)' })).toContainText(
    /telegram-01\.txt.*telegram-02\.txt.*telegram-03\.txt/,
  );
  const left = cancelled.getByRole('region', { name: 'Not imported (cancelled) (27)' });
  await expect(left.getByRole('listitem').first()).toHaveText('telegrams/telegram-04.txt');
  await expect(left.getByRole('listitem').last()).toHaveText('telegrams/telegram-30.txt');
  await expect(page.getByRole('status')).toContainText('Import cancelled: 27 not imported.');
  await expect(libraryItems).toHaveCount(before + 7);
  await screenshot(page, 'import-04-cancelled');
  await cancelled.getByRole('button', { name: 'Close report' }).click();

  // A German original and its English translation, languages chosen by hand.
  await page.keyboard.press('Control+o');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Original file').setInputFiles(fixture('pairs/ulbricht-1961.de.md'));
  await dialog.getByLabel('Translation file').setInputFiles(fixture('pairs/ulbricht-1961.en.md'));
  await dialog.getByLabel('Language of the original').selectOption('de');
  await dialog.getByLabel('Language of the translation').selectOption('en');
  await screenshot(page, 'import-05-pair');
  await dialog.getByRole('button', { name: 'Import pair' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Letter from Walter Ulbricht to N. S. Khrushchev',
  );
  await expect(page.getByRole('region', { name: /German/ })).toContainText(
    'Sehr geehrter Genosse Chruschtschow!',
  );
  await expect(page.getByRole('region', { name: /English/ })).toContainText(
    'Dear Comrade Khrushchev!',
  );

  // A corrected copy of the sample replaces it: same record, new text.
  const corrected = path.join(work, 'telegram-3917-corrected.txt');
  fs.writeFileSync(
    corrected,
    sample.replace(
      'Ваши телеграммы о перемирии получены.',
      'Ваши телеграммы о перемирии нами получены.',
    ),
  );
  const count = await libraryItems.count();
  await page.getByRole('button', { name: 'Import…' }).click();
  await dialog.getByRole('radio', { name: /Replace it/ }).check();
  const chooser2 = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser2).setFiles(corrected);
  await expect(page.getByRole('status')).toContainText('Replaced “Ciphered Telegram No. 3917');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Ciphered Telegram No. 3917,',
  );
  await expect(page.getByRole('region', { name: /Russian/ })).toContainText(
    'Ваши телеграммы о перемирии нами получены.',
  );
  await expect(libraryItems).toHaveCount(count);

  // A hostile page dropped on the window: imported as text, nothing runs.
  const hostile = fs.readFileSync(fixture('html/hostile.html'), 'utf8');
  const transfer = await page.evaluateHandle((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'hostile.html', { type: 'text/html' }));
    return data;
  }, hostile);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop files or folders to import them')).toBeVisible();
  await screenshot(page, 'import-06-drop');
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report on Events in Moscow');
  await expect(page.getByText('Drop files or folders to import them')).toBeHidden();
  await expect(page.getByRole('region', { name: /English/ })).toContainText(
    '<script>alert("escaped")</script> is quoted text, not a script.',
  );
  await expect(page.locator('main script, main img, main iframe')).toHaveCount(0);
  await screenshot(page, 'import-07-hostile-as-text');
  expect(alerts).toEqual([]);
});
