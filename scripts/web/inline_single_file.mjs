#!/usr/bin/env node
// Writes build/web/flipside.html: web_shell/index.html with its styles and scripts inlined and
// the module linked with -sSINGLE_FILE=1 (wasm and fonts inside, as base64) placed before the
// page script, so the file opens from file:// with no server and no network (called by CMake,
// cmake/web_app.cmake). Usage: inline_single_file.mjs --page index.html --module X.js --out Y.html
import fs from 'node:fs';
import path from 'node:path';

function option(name) {
  const index = process.argv.indexOf(name);
  if (index < 0 || index + 1 >= process.argv.length) {
    console.error(`inline_single_file.mjs: ${name} is missing`);
    process.exit(2);
  }
  return process.argv[index + 1];
}

const pagePath = option('--page');
const pageDir = path.dirname(pagePath);
const read = (file) => fs.readFileSync(path.join(pageDir, file), 'utf8');

// Inside <script> the HTML parser only looks for "</script" and "<!--"; escaping their "/" and
// "!" keeps the JavaScript meaning (in strings and regular expressions alike) and ends no tag.
function scriptText(code) {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

let moduleCode = fs.readFileSync(option('--module'), 'utf8');
let html = fs.readFileSync(pagePath, 'utf8');
let inlined = 0;

html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) => {
  inlined += 1;
  return `<style>\n${read(href).replace(/<\/(style)/gi, '<\\/$1')}</style>`;
});
html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, src) => {
  inlined += 1;
  const script = `<script>\n${scriptText(read(src))}</script>`;
  if (src !== 'flipside-shell.js') return script;
  // The shell loads flipside.js only when createFlipsideModule is not defined yet.
  const module = `<script>\n${scriptText(moduleCode)}</script>\n`;
  moduleCode = null;
  return module + script;
});
if (moduleCode !== null || inlined < 3 || /<(script|link)[^>]+(src|href)="(?!data:)/.test(html)) {
  console.error('inline_single_file.mjs: index.html does not have the expected <link>/<script> tags');
  process.exit(1);
}
fs.writeFileSync(option('--out'), html);
console.log(`flipside.html: ${(Buffer.byteLength(html) / (1024 * 1024)).toFixed(1)} MB, ${inlined} parts inlined`);
