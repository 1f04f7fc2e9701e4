#!/usr/bin/env node
// Builds what `npm start` serves — shared types, the h5 app, the server — but only what changed
// since its last build: each step hashes its inputs (sources, configs, the lockfile, the steps it
// depends on, the environment its build reads) and skips when the hash matches the stamp written
// after its last successful build and its output is still there. `--force` builds everything.
//
//   node scripts/build.mjs [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = join(ROOT, 'node_modules', '.cache', 'linli-build');
const force = process.argv.includes('--force');

/**
 * Inputs shared by every step: the compiler settings and the exact dependency tree (the
 * lockfile; the root package.json holds only scripts and tools, and each workspace's own
 * package.json is an input of its step).
 */
const COMMON = ['package-lock.json', 'tsconfig.base.json'];

const STEPS = [
  {
    name: 'shared-types',
    inputs: [
      'packages/shared-types/src',
      'packages/shared-types/package.json',
      'packages/shared-types/tsconfig.json',
      'packages/shared-types/tsconfig.build.json',
    ],
    output: 'packages/shared-types/dist/index.js',
    run: ['npm', 'run', 'build', '--silent', '-w', '@linli/shared-types'],
  },
  {
    name: 'h5',
    after: ['shared-types'],
    inputs: [
      'apps/miniprogram/src',
      'apps/miniprogram/config',
      'apps/miniprogram/types',
      'apps/miniprogram/package.json',
      'apps/miniprogram/tsconfig.json',
      'apps/miniprogram/babel.config.js',
      'apps/miniprogram/project.config.json',
    ],
    // What config/index.ts reads at build time.
    env: ['LINLI_API_BASE', 'NODE_ENV'],
    output: 'apps/miniprogram/dist/h5/index.html',
    run: ['npm', 'run', 'build:h5', '--silent', '-w', '@linli/miniprogram'],
  },
  {
    name: 'server',
    after: ['shared-types'],
    // The API document's generator (scripts/, nest-cli.json) is part of the server's build; its
    // output (src/docs/api-docs.generated.ts) is not an input.
    inputs: [
      'apps/server/src',
      'apps/server/scripts',
      'apps/server/nest-cli.json',
      'apps/server/package.json',
      'apps/server/tsconfig.json',
      'apps/server/tsconfig.build.json',
    ],
    output: 'apps/server/dist/main.js',
    run: ['npm', 'run', 'build', '--silent', '-w', '@linli/server'],
  },
];

/** Every file under a path (a file or a directory), sorted, skipping build output and caches. */
function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !['node_modules', 'dist', '.taro-cache', '.swc'].includes(e.name) && !e.name.endsWith('.generated.ts'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => files(join(path, e.name)));
}

function hashOf(step, hashes) {
  const h = createHash('sha256');
  for (const file of [...COMMON, ...step.inputs].flatMap(files)) {
    h.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const dep of step.after ?? []) h.update(`after:${dep}=${hashes.get(dep)}\0`);
  for (const name of step.env ?? []) h.update(`env:${name}=${process.env[name] ?? ''}\0`);
  return h.digest('hex');
}

const stampFile = (step) => join(STAMPS, `${step.name}.sha256`);

const hashes = new Map();
const started = Date.now();
for (const step of STEPS) {
  const hash = hashOf(step, hashes);
  hashes.set(step.name, hash);
  const stamp = existsSync(stampFile(step)) ? readFileSync(stampFile(step), 'utf8').trim() : '';
  if (!force && stamp === hash && existsSync(join(ROOT, step.output))) {
    console.log(`[build] ${step.name}: unchanged since its last build, skipped`);
    continue;
  }
  const t = Date.now();
  console.log(`[build] ${step.name}: building…`);
  const result = spawnSync(step.run[0], step.run.slice(1), { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[build] ${step.name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampFile(step), `${hash}\n`);
  console.log(`[build] ${step.name}: built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
