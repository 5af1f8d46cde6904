// The W3C Web Annotation test suite's schemas (../shared/validators/web-annotation), run with
// ajv (draft-04): an annotation or collection conforms when every `must` assertion listed in the
// suite's *Musts.test files gives its expected result.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from '../../support/context';

export const SUITE = path.resolve(ROOT, '../shared/validators/web-annotation');

interface Assertion {
  file: string;
  title: string;
  expected: 'valid' | 'invalid';
  validate(value: unknown): boolean;
}

function load(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SUITE, file), 'utf8')) as Record<string, unknown>;
}

function build(list: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  for (const file of fs.readdirSync(path.join(SUITE, 'definitions'))) {
    ajv.addSchema(load(path.join('definitions', file)));
  }
  const assertions = (load(list)['assertions'] as string[]).map((file) => ({
    file,
    schema: load(file),
  }));
  return assertions
    .filter((a) => a.schema['assertionType'] === 'must')
    .map(({ file, schema }) => {
      const validate = ajv.compile(schema);
      return {
        file,
        title: String(schema['title'] ?? file),
        expected: schema['expectedResult'] === 'invalid' ? 'invalid' : 'valid',
        validate: (value: unknown) => validate(value) as boolean,
      };
    });
}

let annotationMusts: Assertion[] | null = null;
let collectionMusts: Assertion[] | null = null;

function failures(assertions: Assertion[], value: unknown): string[] {
  return assertions
    .filter((a) => a.validate(value) !== (a.expected === 'valid'))
    .map((a) => `${a.file}: ${a.title}`);
}

/** The `must` assertions an annotation fails (empty when it conforms). */
export function annotationFailures(annotation: unknown): string[] {
  annotationMusts ??= build('annotations/annotationMusts.test');
  return failures(annotationMusts, annotation);
}

/** The `must` assertions a collection fails (empty when it conforms). */
export function collectionFailures(collection: unknown): string[] {
  collectionMusts ??= build('collections/collectionMusts.test');
  return failures(collectionMusts, collection);
}

export function mustCount(): { annotation: number; collection: number } {
  annotationMusts ??= build('annotations/annotationMusts.test');
  collectionMusts ??= build('collections/collectionMusts.test');
  return { annotation: annotationMusts.length, collection: collectionMusts.length };
}
