/**
 * Errors that carry context. Expected failures (bad flags, a broken template)
 * are these classes so the CLI can print one clear line instead of a stack.
 */

export class HandoutError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad command line or configuration: exit code 2. */
export class UsageError extends HandoutError {}

/** Where in a template something went wrong. */
export interface TemplateLocation {
  file: string;
  line?: number;
  column?: number;
}

/** A template failed to compile or render; it names template file:line:column. */
export class TemplateError extends HandoutError {
  readonly location: TemplateLocation;

  constructor(reason: string, location: TemplateLocation, options?: { cause?: unknown }) {
    const where = [location.file, location.line, location.column].filter((p) => p !== undefined).join(':');
    super(`${where}: ${reason}`, options);
    this.location = location;
  }
}
