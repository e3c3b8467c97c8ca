import { type ImportWarning } from '@twinhelm/contracts';
import { type InpLine } from './tokenize';

export interface InpError {
  line: number;
  section: string;
  message: string;
}

/** The most errors one parse reports; past it a last error says how many more were found. */
export const MAX_ERRORS = 500;
const ID_PATTERN = /^[^\s;/+#]+$/;

/** Collects errors and warnings while the sections are read. */
export class ParseContext {
  readonly errors: InpError[] = [];
  readonly warnings: ImportWarning[] = [];
  private dropped = 0;
  private droppedLine = 1;

  error(line: number, section: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ line, section, message });
    else if (this.dropped++ === 0) this.droppedLine = line;
  }

  warn(code: string, message: string, line?: number): void {
    this.warnings.push(line === undefined ? { code, message } : { code, message, line });
  }

  /** All errors, with a closing one when some were left out. */
  allErrors(): InpError[] {
    if (this.dropped === 0) return this.errors;
    return [
      ...this.errors,
      {
        line: this.droppedLine,
        section: 'FILE',
        message: `${this.dropped} more errors not listed: fix the ones above and import again`,
      },
    ];
  }

  /** Checks the field count; reports and returns false when too few. */
  fields(entry: InpLine, section: string, min: number, shape: string): boolean {
    if (entry.tokens.length >= min) return true;
    this.error(
      entry.line,
      section,
      `expected at least ${min} fields (${shape}), found ${entry.tokens.length}: complete the line or remove it`,
    );
    return false;
  }

  /** Parses a numeric field; reports and returns undefined when it is not a finite number. */
  number(entry: InpLine, section: string, index: number, what: string): number | undefined {
    const raw = entry.tokens[index];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.length > 0 && Number.isFinite(value)) return value;
    this.error(
      entry.line,
      section,
      `${what} "${raw}" is not a number: write a plain decimal number`,
    );
    return undefined;
  }

  /** Like number(), but a missing field gives `fallback`. */
  optionalNumber(
    entry: InpLine,
    section: string,
    index: number,
    what: string,
    fallback: number,
  ): number | undefined {
    return entry.tokens[index] === undefined ? fallback : this.number(entry, section, index, what);
  }

  /** Validates an element id against the contracts' AssetIdSchema rules. */
  id(entry: InpLine, section: string, id: string, what: string): boolean {
    if (id.length > 31) {
      this.error(
        entry.line,
        section,
        `${what} id "${id}" is ${id.length} characters long: shorten it to 31 or fewer`,
      );
      return false;
    }
    if (!ID_PATTERN.test(id)) {
      this.error(
        entry.line,
        section,
        `${what} id "${id}" contains "/", "+" or "#": rename it without those characters`,
      );
      return false;
    }
    return true;
  }
}
