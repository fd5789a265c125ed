/**
 * Where the command line writes: stdout for the result a clerk (or a script) reads, stderr for
 * progress and refusals. Tests pass their own writers and call main() in-process.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Show progress lines on stderr (default: only when stderr is a terminal). */
  progress?: boolean;
}

export const processIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // DIBAO_PROGRESS=1 shows them in a log or a pipe too (the interrupt tests wait for them).
  progress: Boolean(process.stderr.isTTY) || process.env.DIBAO_PROGRESS === '1',
});

/** A progress line: never a name or an ID number, only counts and file names. */
export function progress(io: Io, zh: string, en: string): void {
  if (io.progress) io.stderr(`${zh}（${en}）\n`);
}
