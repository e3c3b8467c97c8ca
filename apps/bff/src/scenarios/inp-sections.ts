/**
 * The data lines of some sections of an .inp text, as tokens (comments and blank lines
 * dropped). Section names upper-case without brackets. Never throws: the file was already
 * accepted by the import.
 */
export function inpSections(text: string, wanted: readonly string[]): Map<string, string[][]> {
  const sections = new Map<string, string[][]>(wanted.map((w) => [w, []]));
  let current: string[][] | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const semicolon = raw.indexOf(';');
    const body = (semicolon >= 0 ? raw.slice(0, semicolon) : raw).trim();
    if (body === '') continue;
    if (body.startsWith('[')) {
      const name = body.slice(1, body.indexOf(']') >= 0 ? body.indexOf(']') : undefined);
      if (name.toUpperCase() === 'END') break;
      current = sections.get(name.toUpperCase());
      continue;
    }
    current?.push(body.split(/\s+/));
  }
  return sections;
}
