/** What `run` throws: the refusal a throw-site test compares; a run that does not throw fails the test. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}
