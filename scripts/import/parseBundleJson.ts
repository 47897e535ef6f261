import type { Issue } from '@eonpro/core';

export type ParsedBundleJson = { ok: true; bundle: unknown } | { ok: false; issue: Issue };

/**
 * Parses a bundle file's text. JSON.parse's own message can quote the text around the error (patient data),
 * so the problem is described by its line and column only.
 */
export function parseBundleJson(fileText: string): ParsedBundleJson {
  const text = fileText.replace(/^\uFEFF/, '');
  try {
    return { ok: true, bundle: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    if (text.trim() === '' || /unexpected end/i.test(detail)) {
      return { ok: false, issue: { path: '', message: 'Not valid JSON: the file ends too early' } };
    }
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    return { ok: false, issue: { path: '', message: `Not valid JSON${where}` } };
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
