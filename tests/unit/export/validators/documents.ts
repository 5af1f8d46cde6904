// Third-party readers of the documents we write: poppler's pdftotext (and pdftoppm for pictures
// to look at) and LibreOffice, which converts a .docx as Word users would see it. When one is
// missing, the tests say what to install instead of passing silently.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../support/context';

export const ARTIFACTS = path.join(ROOT, 'tests/artifacts/export');

function need(command: string, apt: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${command} is needed by this test: install it with \`sudo apt install ${apt}\`.`,
    );
  }
}

/** The text of a PDF in reading order (pdftotext's default, not its layout mode). */
export function pdfText(pdf: Uint8Array): string {
  need('pdftotext', 'poppler-utils');
  const dir = tempDir('pdf');
  try {
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'doc.pdf'), '-'], {
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Saves the PDF's pages as PNGs under tests/artifacts/export, for people to look at. */
export function savePages(pdf: Uint8Array, name: string): string[] {
  need('pdftoppm', 'poppler-utils');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  for (const old of fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-page`))) {
    fs.rmSync(path.join(ARTIFACTS, old));
  }
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(ARTIFACTS, `${name}-page`)]);
  return fs
    .readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-page`))
    .sort();
}

/** Converts a .docx to PDF with LibreOffice, as a Word user's document would print. */
export function docxToPdf(docx: Uint8Array): Uint8Array {
  need('soffice', 'libreoffice-writer-nogui');
  const dir = tempDir('docx');
  try {
    fs.writeFileSync(path.join(dir, 'handout.docx'), docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'handout.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return new Uint8Array(fs.readFileSync(path.join(dir, 'handout.pdf')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Positions of each phrase in the text; -1 where one is missing. */
export function positions(text: string, phrases: string[]): number[] {
  const flat = text.replace(/\s+/g, ' ');
  return phrases.map((p) => flat.indexOf(p));
}
