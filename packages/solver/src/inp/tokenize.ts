/** One data line of an .inp file: its 1-based line number, its tokens (comment removed). */
export interface InpLine {
  line: number;
  tokens: string[];
  /** The line without its comment, untrimmed: [TITLE] keeps it as text. */
  text: string;
}

export interface InpSection {
  /** Upper-case section name without brackets, e.g. JUNCTIONS. */
  name: string;
  /** Line of the [HEADER]. */
  line: number;
  lines: InpLine[];
}

export interface TokenizedInp {
  sections: InpSection[];
  /** Data found before the first section header. */
  orphans: InpLine[];
  lineCount: number;
}

const WHITESPACE = /\s+/;

/** Splits an .inp text into sections of tokenized lines. Never throws. */
export function tokenizeInp(text: string): TokenizedInp {
  const rawLines = text.split(/\r\n|\r|\n/);
  const sections: InpSection[] = [];
  const orphans: InpLine[] = [];
  let current: InpSection | undefined;
  let ended = false;
  for (let i = 0; i < rawLines.length && !ended; i++) {
    const raw = rawLines[i] ?? '';
    const semicolon = raw.indexOf(';');
    const body = semicolon >= 0 ? raw.slice(0, semicolon) : raw;
    const trimmed = body.trim();
    if (trimmed.length === 0) continue;
    const lineNo = i + 1;
    if (trimmed.startsWith('[')) {
      const close = trimmed.indexOf(']');
      const name = (close > 0 ? trimmed.slice(1, close) : trimmed.slice(1)).trim().toUpperCase();
      if (name === 'END') {
        ended = true;
        continue;
      }
      current = { name, line: lineNo, lines: [] };
      sections.push(current);
      continue;
    }
    const entry: InpLine = { line: lineNo, tokens: trimmed.split(WHITESPACE), text: body };
    if (current) current.lines.push(entry);
    else orphans.push(entry);
  }
  return { sections, orphans, lineCount: Math.max(1, rawLines.length) };
}
