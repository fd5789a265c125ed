/**
 * The command line: `dibao check …` and `dibao clear …` (see usage.ts and docs/CLI.md).
 * main() returns the exit code instead of exiting, so tests run it in-process.
 *   0  checked, no error findings
 *   1  checked, error findings
 *   2  not checked: one line on stderr, no file written
 */
import { parseArgs } from './args';
import { checkCommand } from './check';
import { clearCommand } from './clear';
import { refusalLine, type Verb } from './errors';
import { checkFolder } from './folder';
import { installInterruptHandlers } from './interrupt';
import { processIo, type Io } from './io';

export { installInterruptHandlers } from './interrupt';
import { statOrMissing } from './paths';
import { USAGE } from './usage';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_NOT_CHECKED = 2;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const verb: Verb = argv[0] === 'check' || argv[0] === 'clear' ? argv[0] : 'usage';
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (args.command === 'clear') return await clearCommand(args, io);
    if (statOrMissing(args.input).isDirectory()) return await checkFolder(args, io);
    return await checkCommand(args, io);
  } catch (e) {
    io.stderr(refusalLine(verb, e));
    return EXIT_NOT_CHECKED;
  }
}

if (require.main === module) {
  installInterruptHandlers();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
