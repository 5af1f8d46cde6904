import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/context';

export const IMPORT_FIXTURES = path.join(ROOT, 'tests/fixtures/import');

export function fixturePath(relative: string): string {
  return path.join(IMPORT_FIXTURES, relative);
}

export function fixtureText(relative: string): string {
  return fs.readFileSync(fixturePath(relative), 'utf8');
}

export function fixtureBytes(relative: string): Buffer {
  return fs.readFileSync(fixturePath(relative));
}
