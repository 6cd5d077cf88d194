/**
 * A static file server for a built site, behaving like a plain static host: /a/b/ serves
 * a/b/index.html, unknown paths get 404.html with status 404, every file carries an ETag
 * from its size and modification time, as nginx sends, and is revalidated (304 when
 * unchanged), text is sent gzipped when the browser accepts it (compressed once per
 * version of the file, as hosts keep it), and the headers of the site's _headers file
 * apply as on Netlify or Cloudflare Pages — so the browser tests run under the site's
 * Content-Security-Policy. Used by the browser tests and benchmarks.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileFor } from './verify-site';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript))/u;

export interface HeaderRule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

/**
 * Reads a _headers file: a path pattern on its own line ("*" matches anything, ":name" one
 * segment), then its headers indented as "Name: value"; "#" starts a comment.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/u.test(line)) {
      const source = line
        .trim()
        .split(/(\*|:[a-z]+)/u)
        .map((part) =>
          part === '*' ? '.*' : /^:[a-z]+$/u.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'),
        )
        .join('');
      rules.push({ pattern: new RegExp(`^${source}$`, 'u'), headers: [] });
      continue;
    }
    const header = /^\s+([^:]+):\s*(.*)$/u.exec(line);
    const rule = rules[rules.length - 1];
    if (header && rule) rule.headers.push([header[1]!.trim(), header[2]!.trim()]);
  }
  return rules;
}

function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.pattern.test(urlPath)) for (const [name, value] of rule.headers) headers[name] = value;
  }
  return headers;
}

export interface StaticServer {
  url: string;
  server: Server;
  /** Every response sent: its path and its size on the wire (compressed where it was), for measuring what a page fetched. */
  sent: Array<{ path: string; bytes: number }>;
  close(): Promise<void>;
}

/** A file as last read: its validator, and its bytes as sent, compressed or not. */
interface ServedFile {
  etag: string;
  body: Buffer;
  gzipped?: Buffer;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const sent: StaticServer['sent'] = [];
  const served = new Map<string, ServedFile>();
  /** The file's current version: read again only when its size or time changed. */
  const current = async (file: string): Promise<ServedFile> => {
    const { size, mtimeNs } = await stat(file, { bigint: true });
    const etag = `W/"${size.toString(16)}-${mtimeNs.toString(16)}"`;
    let entry = served.get(file);
    if (entry?.etag !== etag) served.set(file, (entry = { etag, body: await readFile(file) }));
    return entry;
  };
  const rules = parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8').catch(() => ''));
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = url.pathname === '/_headers' ? undefined : fileFor(root, url.pathname);
    if (!file) {
      const notFound = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('not found'));
      response.writeHead(404, { 'Content-Type': TYPES['.html']!, ...headersFor(rules, url.pathname) });
      response.end(notFound);
      sent.push({ path: url.pathname, bytes: notFound.length });
      return;
    }
    const entry = await current(file);
    // Hosts send a validator, so a file fetched again costs a 304.
    const { etag } = entry;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache', ...headersFor(rules, url.pathname) });
      response.end();
      sent.push({ path: url.pathname, bytes: 0 });
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const compress = COMPRESSIBLE.test(type) && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ETag: etag,
      ...headersFor(rules, url.pathname),
      ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    const payload = compress ? (entry.gzipped ??= gzipSync(entry.body)) : entry.body;
    response.end(payload);
    sent.push({ path: url.pathname, bytes: payload.length });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
