/** A WPS host failure the clerk can act on, with its Chinese and English text (as RosterError). */
export class WpsError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh}（${en}）`);
    this.name = 'WpsError';
  }
}
