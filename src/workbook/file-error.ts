/**
 * Why a workbook file could not be opened or written. The message is for the clerk: Chinese
 * first, English beside it, and never a file's content (names, ID numbers).
 */
export type FileErrorCode =
  'not-xlsx' | 'corrupt' | 'encrypted' | 'too-large' | 'beyond-limits' | 'empty' | 'missing' | 'exists' | 'write';

export class FileError extends Error {
  constructor(
    public readonly code: FileErrorCode,
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh}（${en}）`);
    this.name = 'FileError';
  }
}
