#!/usr/bin/env node
// `npm start`: build what changed (scripts/build.mjs), then run the server as the demo —
// DEMO=1 (the dev login, the demo community and its living demo) unless DEMO is given, e.g.
// `DEMO=0 npm start` for an empty community of your own.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

const server = spawn(process.execPath, [join(ROOT, 'apps', 'server', 'dist', 'main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DEMO: process.env.DEMO ?? '1' },
});
// Ctrl-C reaches the server too (same process group); pass on a SIGTERM sent to this process alone.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
process.on('SIGINT', () => {});
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
