/** What a command writes to and reads from: stdout, stderr and stdin, injectable for tests. */
export interface CliIo {
  out: (s: string) => void;
  /**
   * Bytes to stdout (UTF-8 text), when the writer takes them: a large output (--json, --csv) is
   * encoded piece by piece into chunks rather than joined into strings first. Else `out` is used.
   */
  outBytes?: (bytes: Uint8Array) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (for colour). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (for progress). */
  errIsTTY?: boolean;
  /** Standard input, read when a file is `-` or no file is given. */
  stdin?: () => string;
}
