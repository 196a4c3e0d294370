/**
 * The one error type the readers and the CLI throw for things the user can fix. `exitCode` is the
 * contract's (section 7): 1 for input or data errors, 2 for usage errors.
 */
export class SpcError extends Error {
  override readonly name = 'SpcError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 = 1,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `FILE:LINE:COLUMN: message`, with the parts that exist. */
  get located(): string {
    const where = [this.file, this.line, this.column].filter((x) => x !== undefined && x !== '').join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export const inputError = (file: string, line: number | undefined, column: number | undefined, message: string) =>
  new SpcError(message, 1, file, line, column);

export const usageError = (message: string) => new SpcError(message, 2);
