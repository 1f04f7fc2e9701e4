import type { Config } from 'jest';

/** The h5 build in headless Chromium against the real server (see e2e/). */
const config: Config = {
  displayName: 'miniprogram-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 120000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }],
  },
};

export default config;
