// Checks Flipside's exported files against assets/schema/flipside.schema.json with ajv, a real
// JSON Schema validator, and that the schema refuses what the importer refuses.
// Usage: node tests/schema/validate_exports.mjs <flipside CLI> <work dir>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve('tests/package.json'));
const Ajv = require('ajv');
const [cli, work] = process.argv.slice(2);
const schema = JSON.parse(readFileSync('assets/schema/flipside.schema.json', 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name} ${detail}`); }
}
function exported(participants, seed) {
  const file = path.join(work, `demo-${participants}-${seed}.json`);
  execFileSync(cli, ['demo', '--participants', String(participants), '--seed', String(seed), '-o', file], { stdio: 'pipe' });
  return JSON.parse(readFileSync(file, 'utf8'));
}

for (const [count, seed] of [[40, 1], [40, 2027], [300, 9], [5000, 4]]) {
  const doc = exported(count, seed);
  check(`demo export of ${count} people (seed ${seed}) validates`, validate(doc), ajv.errorsText(validate.errors));
}

// A wave with invitations issued and a reply merged: the program's "invitations" record.
{
  const file = path.join(work, 'invited.json');
  execFileSync(cli, ['demo', '--participants', '40', '--seed', '3', '-o', file], { stdio: 'pipe' });
  execFileSync(cli, ['invite', file, '--all', '-o', path.join(work, 'invitations')], { stdio: 'pipe' });
  const reply = path.join(work, 'reply.json');
  execFileSync(cli, ['reply', path.join(work, 'invitations', 'P0001.flipside-invite'), '--set', 'interests=Chess', '-o', reply],
               { stdio: 'pipe' });
  const merged = path.join(work, 'merged.json');
  execFileSync(cli, ['merge-replies', file, reply, '-o', merged], { stdio: 'pipe' });
  const doc = JSON.parse(readFileSync(merged, 'utf8'));
  check('a file with invitations issued and a reply merged validates',
        validate(doc) && doc.programs.at(-1).invitations.merged.length === 1, ajv.errorsText(validate.errors));
  const badKey = structuredClone(doc);
  badKey.programs.at(-1).invitations.key = 'not hex';
  check('the schema refuses an invitation key that is not 64 hex digits', !validate(badKey));
  writeFileSync(path.join(work, 'bad-key.json'), JSON.stringify(badKey));
  let status = 0;
  try { execFileSync(cli, ['validate', path.join(work, 'bad-key.json')], { stdio: 'pipe' }); } catch (e) { status = e.status; }
  check('the importer refuses an invitation key that is not 64 hex digits', status === 2, `exit ${status}`);
}

// What the app writes after a migration is current-version and valid too: the CLI reads the
// version 1 fixture, and 'flipside demo' output is the same writer.
const base = exported(40, 5);
const mutations = {
  'an unknown field': (d) => { d.participants[0].nickname = 'x'; },
  'a wrong role': (d) => { d.participants[0].role = 'boss'; },
  'a bad date': (d) => { d.programs[0].start_date = '2027-13-01'; },
  'a missing e-mail': (d) => { delete d.participants[1].email; },
  'an old schema version': (d) => { d.schema_version = 1; },
  'a rating of 9': (d) => { d.feedback[0].rating = 9; },
  'availability ending at 25:00': (d) => { d.participants[0].availability[0].end = '25:00'; },
};
for (const [name, mutate] of Object.entries(mutations)) {
  const doc = structuredClone(base);
  mutate(doc);
  check(`the schema refuses ${name}`, !validate(doc));
  // The importer refuses it as well (exit 2), so the schema and the app agree.
  const file = path.join(work, 'mutated.json');
  writeFileSync(file, JSON.stringify(doc));
  let status = 0;
  try { execFileSync(cli, ['validate', file], { stdio: 'pipe' }); } catch (e) { status = e.status; }
  check(`the importer refuses ${name}`, status === 2, `exit ${status}`);
}

console.log(`schema: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
