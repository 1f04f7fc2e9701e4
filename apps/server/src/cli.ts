import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { assertWorkflowsSound } from './common/workflow';
import { ConfigError, loadConfig } from './config/config';

/**
 * The operator's command line: `npm run linli -- <command> …` (or `node apps/server/dist/cli.js`),
 * on the server's own configuration and DATABASE_URL. `npm run linli -- --help` lists the commands.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Linli cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  assertWorkflowsSound();
  await CommandFactory.run(CliModule.forRoot(config), {
    cliName: 'linli',
    logger: ['error', 'warn'],
    serviceErrorHandler: (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
