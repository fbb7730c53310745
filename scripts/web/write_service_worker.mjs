#!/usr/bin/env node
// Writes build/web/flipside-sw.js from web_shell/flipside-sw.template.js: the list of files the
// hosted build needs offline and a version made of their content hash (called by CMake,
// cmake/web_app.cmake). Usage: write_service_worker.mjs --template T --root DIR --out FILE
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What the app needs to start and run offline. Not the single file (flipside.html, its own
// deployable, 5 MB) nor the example portal.
const FILES = ['index.html', 'style.css', 'flipside-store.js', 'flipside-tabs.js', 'flipside-shell.js', 'flipside-offline.js',
  'flipside-embed-bridge.js', 'flipside-embed.js', 'flipside.js', 'flipside.wasm'];

function option(name) {
  const index = process.argv.indexOf(name);
  if (index < 0 || index + 1 >= process.argv.length) {
    console.error(`write_service_worker.mjs: ${name} is missing`);
    process.exit(2);
  }
  return process.argv[index + 1];
}

const template = fs.readFileSync(option('--template'), 'utf8');
const root = option('--root');
const hash = createHash('sha256');
for (const file of FILES) {
  hash.update(file);
  hash.update(fs.readFileSync(path.join(root, file)));  // a missing file fails the build, as it should
}
const version = hash.digest('hex').slice(0, 16);
const worker = template
  .replace('@FLIPSIDE_VERSION@', version)
  .replace('[/* @FLIPSIDE_FILES@ */]', JSON.stringify(FILES));
if (worker.includes('@FLIPSIDE_')) {
  console.error('write_service_worker.mjs: the template has a placeholder this script does not fill');
  process.exit(1);
}
fs.writeFileSync(option('--out'), worker);
console.log(`flipside-sw.js: version ${version}, ${FILES.length} files`);
