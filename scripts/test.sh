#!/usr/bin/env bash
# `npm test`: build what the tests run against, then every test of every workspace.
#   - shared types, the server, the mini-program's h5 build (served to Chromium) and its weapp
#     build (must compile; its main package is checked against the 1 MB budget)
#   - type-check and lint
#   - jest: unit tests, the server's e2e suite on SQLite and on MariaDB, the h5 e2e in Chromium
# MariaDB is expected at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "build: shared types, server"
npm run build:types --silent
npm run build --silent -w @linli/server

step "build: mini-program h5 and weapp"
npm run build:h5 --silent -w @linli/miniprogram
npm run build:weapp --silent -w @linli/miniprogram
node apps/miniprogram/scripts/check-size.js

step "type-check and lint"
npx tsc -p packages/shared-types/tsconfig.json --noEmit
npx tsc -p apps/server/tsconfig.json --noEmit
npx tsc -p apps/miniprogram/e2e/tsconfig.json --noEmit
npx tsc -p apps/miniprogram/tsconfig.json --noEmit
npm run lint --silent

step "jest: unit, server e2e (SQLite, MariaDB), mini-program e2e (Chromium)"
npx jest --maxWorkers=2 "$@"
