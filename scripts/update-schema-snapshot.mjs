// `npm run db:schema`: records the schema after each migration in
// tests/unit/main/db/schema.snapshot.sql, by running the schema test in its writing mode. Run it
// after adding a migration, and commit the snapshot with the migration.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'tests/unit/main/db/schema.test.ts'],
  { stdio: 'inherit', env: { ...process.env, UPDATE_SCHEMA_SNAPSHOT: '1' } },
);
process.exit(result.status ?? 1);
