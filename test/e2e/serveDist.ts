import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built renderer on 127.0.0.1 for the browser tests. */
export default async function serveDist(project: TestProject) {
  const server = await preview({
    // KODTAU_DIST serves another build folder (docs/development.md), e.g. one's own build.
    ...(process.env.KODTAU_DIST ? { build: { outDir: process.env.KODTAU_DIST } } : {}),
    preview: { host: '127.0.0.1', port: 4873, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL; is dist/ built (npm run build)?');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return () => server.close();
}
