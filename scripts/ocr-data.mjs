#!/usr/bin/env node
// Packs the OCR language data with the app: copies Tesseract's Russian and English models
// (Debian's tesseract-ocr-rus and tesseract-ocr-eng, Apache-2.0) into resources/tessdata, where
// the app reads them; OCR never fetches anything. Run by `npm install` (postinstall) and by hand
// as `npm run ocr-data`. Without the Debian packages it says what to install and leaves OCR off.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'resources', 'tessdata');
const languages = ['rus', 'eng'];
const candidates = [
  process.env.TESSDATA_PREFIX,
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
  '/usr/share/tessdata',
].filter(Boolean);

const source = candidates.find((dir) =>
  languages.every((lang) => fs.existsSync(path.join(dir, `${lang}.traineddata`))),
);
if (!source) {
  console.warn(
    'ocr-data: no Tesseract language data found; install tesseract-ocr-rus and tesseract-ocr-eng, then run npm run ocr-data. Scans cannot be recognised until then.',
  );
  process.exit(0);
}
fs.mkdirSync(target, { recursive: true });
for (const lang of languages) {
  const from = path.join(source, `${lang}.traineddata`);
  const to = path.join(target, `${lang}.traineddata`);
  const same = fs.existsSync(to) && fs.statSync(to).size === fs.statSync(from).size;
  if (!same) fs.copyFileSync(from, to);
}
console.log(`ocr-data: ${languages.join(', ')} from ${source} in resources/tessdata`);
