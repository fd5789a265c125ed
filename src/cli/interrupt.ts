/**
 * Ctrl+C (SIGINT) or a kill (SIGTERM) while the command line works: the temporary files and any
 * output of a run not yet complete are removed before exiting, with one line on stderr and the
 * shell's usual exit codes (128 + signal number). Installed only when the command line runs as a
 * program, never when tests call main() in-process.
 */
import { removeUnfinishedFiles } from '../workbook/file/file-node';

const EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export function installInterruptHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      removeUnfinishedFiles();
      process.stderr.write(
        '已中断：未写出结果文件，临时文件已删除（interrupted: no result written, temporary files removed）\n',
      );
      process.exit(EXIT[signal]);
    });
  }
  // Any other way out (an uncaught error): no stray copy of the roster either.
  process.on('exit', () => void removeUnfinishedFiles());
}
