#!/usr/bin/env node
// A tiny static file server for the built web app (build/web), no npm dependencies.
// Usage: node scripts/serve.mjs [--root build/web] [--host 127.0.0.1] [--port 8080]
// Also imported by tests/e2e/run.mjs (startServer), which asks for port 0 (any free port).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// application/wasm matters: WebAssembly.instantiateStreaming refuses anything else.
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

// Maps a URL path to a file under root, or null when it would leave root. Decoding happens
// before normalising so "%2e%2e/" cannot sneak past; NUL bytes are refused outright.
export function resolveInsideRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  const absolute = path.resolve(root, relative);
  const rootWithSeparator = root.endsWith(path.sep) ? root : root + path.sep;
  if (absolute !== root && !absolute.startsWith(rootWithSeparator)) return null;
  return absolute;
}

export function startServer({ root, host = '127.0.0.1', port = 8080, quiet = false } = {}) {
  const rootDir = path.resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      send(response, 405, 'Method not allowed');
      return;
    }
    const urlPath = new URL(request.url, 'http://localhost').pathname;
    let file = resolveInsideRoot(rootDir, urlPath);
    if (file === null) {
      send(response, 403, 'Forbidden');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',  // a rebuilt module is picked up on reload
        'X-Content-Type-Options': 'nosniff',
        // The app's files hold no one's data: a frame sandboxed without an origin of its own
        // (whose requests are cross-origin) may load them too.
        'Access-Control-Allow-Origin': '*',
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      createReadStream(file).on('error', () => response.destroy()).pipe(response);
    } catch {
      send(response, 404, 'Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;
      if (!quiet) console.log(`Serving ${rootDir} at ${url}`);
      resolve({ server, url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

function parseArguments(argv) {
  const scriptDir = path.dirname(fileURLToPath(import.meta.url));
  const options = { root: path.join(scriptDir, '..', 'build', 'web'), host: '127.0.0.1', port: 8080 };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inlineValue] = argv[i].split('=', 2);
    const value = inlineValue !== undefined ? inlineValue : argv[++i];
    if (name === '--root') options.root = value;
    else if (name === '--host') options.host = value;
    else if (name === '--port') options.port = Number(value);
    else {
      console.error(`serve.mjs: unknown option ${name}\nusage: node scripts/serve.mjs [--root DIR] [--host HOST] [--port PORT]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('serve.mjs: --port must be a number between 0 and 65535');
    process.exit(2);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const options = parseArguments(process.argv.slice(2));
  startServer(options).catch((error) => {
    console.error(`serve.mjs: cannot listen on ${options.host}:${options.port}: ${error.message}`);
    process.exit(1);
  });
}
