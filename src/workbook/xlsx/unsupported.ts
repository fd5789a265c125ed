/** A part the own reader does not handle; the caller falls back to ExcelJS. */
export class Unsupported extends Error {}
