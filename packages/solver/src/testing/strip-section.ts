/** Removes one [SECTION] (header and body) from .inp text: e.g. a file without [COORDINATES]. */
export function stripSection(text: string, name: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  let inside = false;
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) inside = (header[1] ?? '').trim().toUpperCase() === name.toUpperCase();
    if (!inside) kept.push(line);
  }
  return kept.join('\n');
}
