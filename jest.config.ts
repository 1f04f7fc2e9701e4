import type { Config } from 'jest';

/**
 * ts-jest per workspace; each tsconfig sets isolatedModules, so files are transpiled one by one
 * and type-checking is left to `tsc` and ESLint (run by scripts/test.sh) so tests start fast.
 */
const ts = (tsconfig: string): Config['transform'] => ({
  '^.+\\.tsx?$': ['ts-jest', { tsconfig, diagnostics: false }],
});

const server = '<rootDir>/apps/server';
const miniprogram = '<rootDir>/apps/miniprogram';

/**
 * One jest for every workspace. The server's end-to-end suite runs twice: on SQLite and on
 * MariaDB (TEST_MYSQL_URL, default mysql://root@127.0.0.1:3306/test); each file boots the
 * real app once on a database of its own, so files can run in parallel.
 */
const config: Config = {
  // Boots of the real app and of Chromium take seconds on this 2-core machine.
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'shared-types',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/shared-types/src/**/*.spec.ts'],
      transform: ts('<rootDir>/packages/shared-types/tsconfig.json'),
    },
    {
      displayName: 'server',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: [`${server}/src/**/*.spec.ts`],
      transform: ts(`${server}/tsconfig.json`),
    },
    ...(['sqlite', 'mysql'] as const).map((db) => ({
      displayName: `server-e2e-${db}`,
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: [`${server}/test/**/*.e2e-spec.ts`],
      transform: ts(`${server}/tsconfig.json`),
      setupFiles: [`${server}/test/support/db-${db}.ts`],
      // The API document's generated metadata (src/docs/api-docs.generated.ts), when stale.
      globalSetup: `${server}/test/support/api-docs-setup.ts`,
    })),
    {
      // Pure logic of the mini-program (queues, validators, formatting) in node. Taro's runtime
      // does not load outside a mini-program or a browser: code under test takes its storage and
      // API as arguments, and the import of @tarojs/taro resolves to an empty stand-in.
      displayName: 'miniprogram',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: [`${miniprogram}/src/**/*.spec.ts`],
      transform: ts(`${miniprogram}/tsconfig.spec.json`),
      moduleNameMapper: {
        '^@/(.*)$': `${miniprogram}/src/$1`,
        '^@tarojs/taro$': `${miniprogram}/src/testing/taro-stub.ts`,
      },
      // Taro's defineConstants (config/index.ts).
      globals: { LINLI_API_BASE: 'http://127.0.0.1:3000' },
    },
    {
      displayName: 'miniprogram-e2e',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/miniprogram/e2e/**/*.e2e.ts'],
      transform: ts('<rootDir>/apps/miniprogram/e2e/tsconfig.json'),
    },
  ],
};

export default config;
