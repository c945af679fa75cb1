import { ConfigError } from './config';

/**
 * Runs a command-line entry point (`seed:history`, `admin:create`): exits with its code, or with 1
 * and one line that says what went wrong; a configuration error names its variable, as at start.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const problem =
        error instanceof ConfigError ? error.message : `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`${problem}\n`);
      process.exit(1);
    },
  );
}
