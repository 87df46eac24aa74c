import { protocol, type CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.ts';

/**
 * The renderer is served from `app://kodtau/…`, never from `file://` (which Chromium treats as
 * one big origin with extra privileges) and never from a dev server.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kodtau';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The privileges of `app://`, registered before `app` is ready. The minimal set:
 * - standard: a real origin (`app://kodtau`), relative URLs, and web storage — Dexie needs IndexedDB;
 * - secure: a secure context, so `crypto.subtle` (codebook hash) is available;
 * - supportFetchAPI: the renderer may `fetch` its own assets.
 * Left out on purpose: corsEnabled (every request is same-origin, and same-origin module scripts
 * need no CORS), stream (no audio/video is served), bypassCSP, allowServiceWorkers, codeCache.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response, errors included. */
function securityHeaders(): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
}

function errorResponse(status: 400 | 403 | 404 | 405): Response {
  const headers = securityHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(String(status), { status, headers });
}

/**
 * The file under `root` that `pathname` names, or null when it would leave `root`.
 * `pathname` is still percent-encoded: `..%2F` survives URL normalisation and only becomes a
 * parent-directory step after decoding, so the check runs on the resolved, decoded path.
 */
export function resolveInsideRoot(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed escape
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  const inside = path.relative(resolvedRoot, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

/**
 * The handler behind `protocol.handle('app', …)`: serves the files of the built renderer
 * (`root`, the `dist/` folder) for host `kodtau` only, read-only.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return errorResponse(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);

    const filePath = resolveInsideRoot(root, url.pathname);
    if (filePath === null) return errorResponse(403);

    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      // ENOENT, EISDIR, EACCES…: to the page it is all "not here".
      return errorResponse(404);
    }
    const headers = securityHeaders();
    headers.set('Content-Type', mimeTypeOf(filePath));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Call once, after `app` is ready. */
export function registerAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
