import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/contentSecurityPolicy.ts';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppProtocol,
  resolveInsideRoot,
} from '../../electron/main/protocol.ts';
import { protocol } from './fakeElectron.ts';

// A real folder: dist/ with the built renderer, and a secret next to it that must stay unreachable.
let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kodtau-protocol-'));
  root = path.join(base, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kodtau</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(path.join(base, 'secret.txt'), 'SECRET');
  serve = createAppProtocolHandler(root);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves index.html with the strict Content-Security-Policy', async () => {
    const response = await get('app://kodtau/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Kodtau</title>');
  });

  it('has a CSP without inline or eval scripts and with no plugins, framing, forms or base', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('serves / as index.html', async () => {
    const response = await get('app://kodtau/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Kodtau');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, mime) => {
    const response = await get(`app://kodtau/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://kodtau/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it.each([
    'app://kodtau/../secret.txt',
    'app://kodtau/../../etc/passwd',
    'app://kodtau/..%2Fsecret.txt',
    'app://kodtau/assets/..%2F..%2Fsecret.txt',
    'app://kodtau/%2e%2e/secret.txt',
    'app://kodtau/%2E%2E%2Fsecret.txt',
    'app://kodtau/..%5Csecret.txt',
    'app://kodtau/%2Fetc%2Fpasswd',
    'app://kodtau/index.html%00.png',
    'app://kodtau/%E0%A4%A',
    'app://kodtau/assets',
    'app://kodtau/missing.js',
  ])('refuses %s without leaking anything outside dist/', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses hosts other than kodtau', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://kodtau.evil/index.html',
      'app://localhost/index.html',
    ]) {
      expect((await get(url)).status).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://kodtau/index.html', 'POST')).status).toBe(405);
  });

  it('keeps resolved paths inside the root (the check behind the handler)', () => {
    expect(resolveInsideRoot(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/..%2Fsecret.txt')).toBeNull();
    expect(resolveInsideRoot(root, '/../secret.txt')).toBeNull();
    // An absolute path in the URL is read relative to the root, never as itself.
    const absolute = resolveInsideRoot(root, `/${encodeURIComponent(path.join(base, 'secret.txt'))}`);
    expect(absolute?.startsWith(root + path.sep)).toBe(true);
    // A sibling whose name starts with the root's name is outside too.
    expect(resolveInsideRoot(root, '/..%2Fdist-evil%2Fx.js')).toBeNull();
  });

  it('registers app:// with the minimal privileges and installs the handler', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    registerAppProtocol(root);
    expect(protocol.handlers.has('app')).toBe(true);
  });
});
