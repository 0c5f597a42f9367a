import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

// A tiny static file server for e2e tests and the benchmark: what any plain web host does, no more.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webmanifest': 'application/manifest+json',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.vtt']);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(options: {
  root: string;
  /** compress text (precompressed brotli if the export wrote it, else gzip); default true */
  gzip?: boolean;
  /** send the export's `.br` files to browsers that accept brotli (default true) */
  precompressed?: boolean;
  prefix?: string;
}): Promise<StaticServer> {
  const root = resolve(options.root);
  const prefix = options.prefix ?? '/';
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!path.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/` }).end();
          return;
        }
        path = join(path, 'index.html');
        info = await stat(path).catch(() => undefined);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const ext = extname(path);
      const headers: Record<string, string> = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': /\.[0-9a-f]{8,}\.|assets\//.test(path)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      };
      const accepts = String(req.headers['accept-encoding']);
      const compress = options.gzip !== false && COMPRESSIBLE.has(ext);
      // the export's precompressed brotli file when there is one, as @fastify/static `preCompressed` does
      const br =
        compress && options.precompressed !== false && /\bbr\b/.test(accepts)
          ? await stat(`${path}.br`).catch(() => undefined)
          : undefined;
      if (br?.isFile()) {
        res.writeHead(200, {
          ...headers,
          'content-encoding': 'br',
          'content-length': String(br.size),
          vary: 'accept-encoding',
        });
        createReadStream(`${path}.br`).pipe(res);
      } else if (compress && /gzip/.test(accepts)) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        createReadStream(path)
          .pipe(createGzip({ level: 9 }))
          .pipe(res);
      } else {
        res.writeHead(200, { ...headers, 'content-length': String(info.size) });
        createReadStream(path).pipe(res);
      }
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
