#!/usr/bin/env node
/**
 * Package size budget of the weapp build (run after `npm run build:weapp`).
 *
 * WeChat counts the main package (everything outside subpackage roots) and each subpackage
 * separately. Our budget: main package at most 1 MB (WeChat allows 2 MB, and the main package
 * is what every resident downloads before seeing anything), each subpackage at most 2 MB.
 * Prints a table in KB; exits 1 when a budget is exceeded or the build is missing.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const MAIN_LIMIT = 1024 * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;

const distDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist', 'weapp'));

/** Every file under dir, as paths relative to root with forward slashes. */
function listFiles(dir, root = dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full, root));
    else if (entry.isFile()) files.push({ rel: path.relative(root, full).split(path.sep).join('/'), size: fs.statSync(full).size });
  }
  return files;
}

/** Subpackage roots from app.json (`subPackages` or `subpackages`), without trailing slashes. */
function subpackageRoots(appJson) {
  const list = appJson.subPackages || appJson.subpackages || [];
  return list
    .map((p) =>
      String(p.root)
        .replace(/^\.?\/+/, '')
        .replace(/\/+$/, ''),
    )
    .filter(Boolean);
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

function main() {
  const appJsonPath = path.join(distDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error(`check-size: ${appJsonPath} not found; run "npm run build:weapp -w @linli/miniprogram" first.`);
    return 1;
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
  const roots = subpackageRoots(appJson);
  const totals = new Map(roots.map((root) => [root, 0]));
  let main = 0;

  for (const file of listFiles(distDir)) {
    const root = roots.find((r) => file.rel === r || file.rel.startsWith(`${r}/`));
    if (root === undefined) main += file.size;
    else totals.set(root, (totals.get(root) || 0) + file.size);
  }

  const rows = [
    { name: 'main', bytes: main, limit: MAIN_LIMIT },
    ...roots.map((root) => ({ name: root, bytes: totals.get(root) || 0, limit: SUBPACKAGE_LIMIT })),
  ];
  const width = Math.max(7, ...rows.map((r) => r.name.length));
  console.log(`${'package'.padEnd(width)}  ${'size KB'.padStart(9)}  ${'limit KB'.padStart(9)}  status`);
  let failed = false;
  for (const row of rows) {
    const ok = row.bytes <= row.limit;
    failed = failed || !ok;
    console.log(`${row.name.padEnd(width)}  ${kb(row.bytes).padStart(9)}  ${kb(row.limit).padStart(9)}  ${ok ? 'ok' : 'TOO BIG'}`);
  }
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`${'total'.padEnd(width)}  ${kb(total).padStart(9)}`);
  return failed ? 1 : 0;
}

process.exitCode = main();
