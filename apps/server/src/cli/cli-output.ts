import { Injectable } from '@nestjs/common';

/**
 * Where the CLI's commands write: what they made to stdout, refusals to stderr with a non-zero
 * exit code. Tests put a recording one in its place.
 */
@Injectable()
export class CliOutput {
  print(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  fail(text: string): void {
    process.stderr.write(`${text}\n`);
    process.exitCode = 1;
  }
}
