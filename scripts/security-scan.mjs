#!/usr/bin/env node
// Scans the built app (out/) with Doyensec's electronegativity and fails on findings that matter.
// The tool itself exits 0 even on HIGH findings, so the gate reads its CSV report: every HIGH
// fails, and every MEDIUM fails unless it is listed below with the reason it was reviewed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REVIEWED_MEDIUM = {
  PRELOAD_JS_CHECK:
    'src/preload/index.ts exposes a single invoke(method, input) function; the main process validates every call and checks its sender.',
  PROTOCOL_HANDLER_JS_CHECK:
    "marginalia:// links are parsed strictly (src/shared/deep-link.ts: record and annotation ids from a narrow alphabet) and only change the app page's hash route.",
  OPEN_EXTERNAL_JS_CHECK:
    'shell.openExternal receives only http(s) links, from window.open requests the app denies (src/main/electron/security.ts).',
};

// The built app by default; `--input DIR` scans another tree (the gate's own tests use it).
const inputFlag = process.argv.indexOf('--input');
const input = inputFlag > 0 ? path.resolve(process.argv[inputFlag + 1]) : path.join(root, 'out');
if (inputFlag < 0 && !fs.existsSync(path.join(input, 'main/index.js'))) {
  console.error('security-scan: build the app first (npx electron-vite build).');
  process.exit(1);
}
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-eneg-')), 'report.csv');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
const run = spawnSync(
  bin,
  ['-i', input, '-o', report, '-r', '-v', 'false', '-e', electronVersion],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (!fs.existsSync(report)) {
  console.error('security-scan: electronegativity produced no report.\n' + run.stdout + run.stderr);
  process.exit(1);
}

/** Parses CSV with double-quoted fields, which may hold commas and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const [, ...rows] = parseCsv(fs.readFileSync(report, 'utf8').trim());
const findings = rows.map(([check, severity, confidence, file, location]) => ({
  check,
  severity,
  confidence,
  where: `${file}:${location}`,
}));
const failures = findings.filter(
  (f) => f.severity === 'HIGH' || (f.severity === 'MEDIUM' && !(f.check in REVIEWED_MEDIUM)),
);
for (const f of findings) {
  const verdict = failures.includes(f)
    ? 'FAIL'
    : f.check in REVIEWED_MEDIUM
      ? `reviewed: ${REVIEWED_MEDIUM[f.check]}`
      : 'ok (low)';
  console.log(`${f.severity.padEnd(6)} ${f.check.padEnd(28)} ${f.where.padEnd(28)} ${verdict}`);
}
if (failures.length > 0) {
  console.error(`security-scan: ${failures.length} finding(s) need fixing.`);
  process.exit(1);
}
console.log(`security-scan: ${findings.length} finding(s), none HIGH, every MEDIUM reviewed.`);
