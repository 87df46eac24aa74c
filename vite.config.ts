import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The same policy Electron's protocol handler sends as a header; a meta tag covers plain browsers. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Only in the build: the dev server injects an inline script for React Refresh.
const cspMeta: Plugin = {
  name: 'kodtau-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

// Builds the renderer into dist/; Electron serves it from app://kodtau/, a browser from any static server.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), cspMeta],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
