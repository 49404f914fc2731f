// Serves the page: the repository's www/ and pkg/web/ on localhost (no
// caching, correct MIME types for wasm and modules).
// `node scripts/serve.mjs [port]`; port 0 picks a free one. Prints the
// page's URL on its first line. Tests also use `serveFolders` to serve a
// sample project's build.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
};

/**
 * Serves folders at URL prefixes: `{ 'www/': '/abs/www/' }`; `/` redirects
 * to the first prefix and a path ending in `/` gets its index.html.
 */
export function serveFolders(mounts, port = 0, host = '127.0.0.1') {
  const prefixes = Object.keys(mounts);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    if (path === '' || path === '.') {
      res.writeHead(302, { Location: `/${prefixes[0]}` });
      return res.end();
    }
    const file = path.endsWith('/') ? path + 'index.html' : path;
    const prefix = prefixes.find((p) => file.startsWith(p));
    if (!prefix || file.includes('..')) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(join(mounts[prefix], file.slice(prefix.length)));
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

/** The page; `pkg`: the folder served as pkg/ (tests serve a fault-injection build). */
export function serve(port = 0, host = '127.0.0.1', { pkg = 'pkg' } = {}) {
  return serveFolders({ 'www/': join(root, 'www'), 'pkg/web/': join(root, pkg, 'web') }, port, host);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`zhlens page: http://127.0.0.1:${server.address().port}/www/`);
}
