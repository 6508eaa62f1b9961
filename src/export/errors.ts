/** A whole import file that cannot be read; the message says what is wrong and where. */
export class ImportError extends Error {
  override name = 'ImportError';
  /** 1-based line of the problem, when there is one. */
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.line = line;
  }
}
