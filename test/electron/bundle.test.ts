import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from 'vite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fakeElectron from './fakeElectron.ts';

/*
 * Builds main and preload with vite.electron.config.ts into a temporary folder and runs the
 * bundles the way Electron would load them: the preload with a `require` that knows only
 * `electron` (what a sandboxed preload gets), main with `electron` and Node's built-ins only
 * (the packaged app has no node_modules).
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
let outDir: string;
let mainCode: string;
let preloadCode: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'kodtau-bundle-'));
  const builder = await createBuilder({
    root: repo,
    configFile: path.join(repo, 'vite.electron.config.ts'),
    logLevel: 'silent',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
  });
  await builder.buildApp();
  mainCode = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
  preloadCode = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function requiredIds(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort();
}

function runCommonJs(code: string, requireFn: (id: string) => unknown): void {
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__filename', '__dirname', code)(
    requireFn,
    module,
    module.exports,
    path.join(outDir, 'bundle.cjs'),
    outDir,
  );
}

describe('the Electron bundles', () => {
  it('preload is one CommonJS file that requires only electron and carries no zod', () => {
    expect(requiredIds(preloadCode)).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/ZodError|\$ZodType/);
    expect(preloadCode.length).toBeLessThan(10_000);
    expect(preloadCode).not.toMatch(/\bimport\s*\(|import\.meta/);
  });

  it('preload runs with a sandboxed require and exposes the API', () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const sandboxedRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return {
        contextBridge: {
          exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
        },
        ipcRenderer: { invoke: () => Promise.resolve(), on: () => {}, removeListener: () => {} },
      };
    };
    runCommonJs(preloadCode, sandboxedRequire);
    expect([...exposed.keys()]).toEqual(['kodtau']);
    expect(Object.keys(exposed.get('kodtau')!).sort()).toEqual([
      'appInfo',
      'onMenuCommand',
      'openFiles',
      'saveFile',
      'setLanguage',
      'writeBackup',
    ]);
  });

  it('main requires only electron and Node built-ins: zod and the locales are inlined', () => {
    for (const id of requiredIds(mainCode))
      expect(id === 'electron' || id.startsWith('node:'), id).toBe(true);
    expect(mainCode).toContain('Жоба пакетін ашу'); // a kk menu label
  });

  it('main boots against electron: scheme before ready, then a sandboxed window with the bundled preload', async () => {
    const nodeRequire = createRequire(import.meta.url);
    fakeElectron.app.appPath = '/opt/Kodtau/resources/app.asar';
    runCommonJs(mainCode, (id) => (id === 'electron' ? fakeElectron : nodeRequire(id)));
    expect(fakeElectron.callLog.slice(0, 2)).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
    ]);
    fakeElectron.app.makeReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const window = fakeElectron.BrowserWindow.instances[0]!;
    expect(window.loadedUrls).toEqual(['app://kodtau/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join('/opt/Kodtau/resources/app.asar', 'dist-electron', 'preload.cjs'),
    });
  });
});
