import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from 'vite';
import { execFile } from 'node:child_process';
import {
  chmod,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/*
 * Runs the real electron-builder with electron-builder.yml, offline, against a STAND-IN for
 * the Electron binary (`electronDist`: an unpacked folder). Electron cannot be downloaded here,
 * so this checks what electron-builder does with our configuration — which files go into
 * app.asar, and which fuses it flips — not that the packaged app starts.
 *
 * The stand-in is a shell script that carries the fuse wire a real Electron binary carries
 * (the @electron/fuses sentinel, wire version 1, then one byte per fuse, '1' on / '0' off) set
 * to Electron's defaults, so electron-builder's fuse step runs for real and can be read back.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuses, in wire order (docs/tutorial/fuses.md). */
const ELECTRON_DEFAULT_WIRE = '10110001';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

let work: string;
let appOut: string;

/** The file list of an asar archive: a pickled JSON header after 16 bytes (electron/asar). */
async function readAsar(file: string): Promise<{ paths: string[]; read: (name: string) => string }> {
  const buffer = await readFile(file);
  const header = JSON.parse(buffer.subarray(16, 16 + buffer.readUInt32LE(12)).toString('utf8')) as AsarDir;
  const dataStart = 8 + buffer.readUInt32LE(4);
  const paths: string[] = [];
  const walk = (dir: AsarDir, prefix: string) => {
    for (const [name, entry] of Object.entries(dir.files)) {
      paths.push(`${prefix}${name}`);
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
    }
  };
  walk(header, '');
  const read = (name: string) => {
    const entry = header.files[name] as { size: number; offset: string };
    const start = dataStart + Number(entry.offset);
    return buffer.subarray(start, start + entry.size).toString('utf8');
  };
  return { paths: paths.sort(), read };
}
interface AsarDir {
  files: Record<string, AsarDir | { size: number; offset: string }>;
}

async function fuseWire(binary: string): Promise<Record<string, boolean>> {
  const bytes = await readFile(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  expect(bytes[at], 'fuse wire version').toBe(1);
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

// Linux only: the `dir` target for Linux, and a shell-script stand-in.
describe.runIf(process.platform === 'linux')('electron-builder (linux dir, stand-in Electron)', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kodtau-packaging-'));
    const project = path.join(work, 'project');
    const standIn = path.join(work, 'electron-stand-in');

    // A project like ours: config, package.json, build output, and things that must stay out.
    await mkdir(path.join(project, 'dist', 'assets'), { recursive: true });
    await copyFile(path.join(repo, 'package.json'), path.join(project, 'package.json'));
    await copyFile(path.join(repo, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
    await writeFile(path.join(project, 'dist', 'index.html'), '<!doctype html><title>Kodtau</title>');
    await writeFile(path.join(project, 'dist', 'assets', 'index.js'), 'export {};');
    for (const source of ['electron', 'shared', 'locales']) {
      await cp(path.join(repo, source), path.join(project, source), { recursive: true });
    }
    await symlink(path.join(repo, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    const builder = await createBuilder({
      root: repo,
      configFile: path.join(repo, 'vite.electron.config.ts'),
      logLevel: 'silent',
      environments: {
        main: { build: { outDir: path.join(project, 'dist-electron') } },
        preload: { build: { outDir: path.join(project, 'dist-electron') } },
      },
    });
    await builder.buildApp();

    await mkdir(standIn);
    const wire = Buffer.from([1, ELECTRON_DEFAULT_WIRE.length, ...Buffer.from(ELECTRON_DEFAULT_WIRE)]);
    await writeFile(
      path.join(standIn, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\nexit 1\n#'),
        Buffer.from(SENTINEL),
        wire,
      ]),
    );
    await chmod(path.join(standIn, 'electron'), 0o755);
    await writeFile(path.join(standIn, 'LICENSE'), 'stand-in');

    const electronVersion = (
      JSON.parse(await readFile(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    await promisify(execFile)(
      path.join(repo, 'node_modules', '.bin', 'electron-builder'),
      [
        '--linux',
        'dir',
        '--projectDir',
        project,
        `-c.electronDist=${standIn}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${path.join(work, 'release')}`,
      ],
      { cwd: project, timeout: 60_000, env: { ...process.env, npm_config_offline: 'true' } },
    );
    appOut = path.join(work, 'release', 'linux-unpacked');
  }, 90_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('puts only dist/, dist-electron/ and package.json into app.asar — no node_modules, no sources', async () => {
    const { paths, read } = await readAsar(path.join(appOut, 'resources', 'app.asar'));
    expect(paths).toEqual([
      'dist',
      'dist-electron',
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist/assets',
      'dist/assets/index.js',
      'dist/index.html',
      'package.json',
    ]);
    expect((JSON.parse(read('package.json')) as { main: string }).main).toBe('dist-electron/main.cjs');
  });

  it('ships nothing next to app.asar (no unpacked app folder)', async () => {
    expect(await readdir(path.join(appOut, 'resources'))).toEqual(['app.asar']);
  });

  it('names the executable after the app and flips the fuses to the secure values', async () => {
    expect(await fuseWire(path.join(appOut, 'kodtau'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
