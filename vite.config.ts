import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './electron/main/contentSecurityPolicy.ts';

// A meta tag cannot carry frame-ancestors (browsers ignore it there); Electron sends it as a header.
const META_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

// The same policy for plain browsers, only in the build: the dev server injects an inline script for React Refresh.
const cspMeta: Plugin = {
  name: 'kodtau-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

// Settings and About show the version the build was made from.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Builds the renderer into dist/; Electron serves it from app://kodtau/, a browser from any static server.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), cspMeta],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
