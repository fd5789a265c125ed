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

/**
 * A file system refusal in words: the cause, and the path it happened on (the clerk's own
 * path: no file content). Undefined for a code that is not a file system cause.
 */
export function fileSystemError(code: string | undefined, path: string): FileError | undefined {
  const words = FS_WORDS[code ?? ''];
  if (!words) return undefined;
  return new FileError('write', words.zh(path), words.en(path));
}

const FS_WORDS: Record<string, { zh: (p: string) => string; en: (p: string) => string }> = {
  EACCES: { zh: (p) => `没有权限读写 ${p}`, en: (p) => `permission denied: ${p}` },
  EPERM: { zh: (p) => `没有权限读写 ${p}`, en: (p) => `permission denied: ${p}` },
  EROFS: { zh: (p) => `${p} 所在的磁盘是只读的，无法写入`, en: (p) => `${p} is on a read-only disk` },
  ENOTDIR: {
    zh: (p) => `${p} 的上级路径中有一项是文件而不是文件夹`,
    en: (p) => `part of the path ${p} is a file, not a folder`,
  },
  EISDIR: { zh: (p) => `${p} 是文件夹，请写出文件名（如 结果.xlsx）`, en: (p) => `${p} is a folder; give a file name` },
  ENOSPC: { zh: (p) => `磁盘空间不足，无法写入 ${p}`, en: (p) => `no space left on the disk for ${p}` },
  EDQUOT: { zh: (p) => `磁盘配额已用完，无法写入 ${p}`, en: (p) => `disk quota exceeded writing ${p}` },
  EFBIG: { zh: (p) => `${p} 太大，超过系统允许的文件大小`, en: (p) => `${p} is too large for the file system` },
  ERR_FS_FILE_TOO_LARGE: { zh: (p) => `${p} 太大，无法读取`, en: (p) => `${p} is too large to read` },
  ENAMETOOLONG: { zh: (p) => `路径过长：${p}`, en: (p) => `the path is too long: ${p}` },
  ENOENT: { zh: (p) => `找不到 ${p}`, en: (p) => `not found: ${p}` },
  ELOOP: { zh: (p) => `${p} 的快捷方式（链接）循环指向自身`, en: (p) => `${p}: too many levels of links` },
  EBUSY: { zh: (p) => `${p} 正被其他程序占用，请关闭后再试`, en: (p) => `${p} is in use by another program` },
  EMFILE: { zh: (p) => `打开的文件过多，无法打开 ${p}`, en: (p) => `too many open files: ${p}` },
  EIO: { zh: (p) => `读写 ${p} 时磁盘出错`, en: (p) => `disk error on ${p}` },
};

/** The zip itself is cut short or inconsistent: every reader says the same. */
export function truncatedFile(): FileError {
  return new FileError(
    'corrupt',
    '文件不完整或已损坏，请重新下载或从 Excel 另存一份再试',
    'the file is truncated or damaged; download it again or re-save it from Excel',
  );
}

/** The zip is whole but a part will not inflate or parse: every reader says the same. */
export function unreadableWorkbook(): FileError {
  return new FileError(
    'corrupt',
    '无法读取工作簿，文件可能已损坏；请在 Excel 中打开并另存后再试',
    'the workbook could not be read; it may be damaged — open it in Excel and save it again',
  );
}
