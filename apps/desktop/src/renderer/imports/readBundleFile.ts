import type { ImportSummary } from '@eonpro/core';

export type BundleFile = { ok: true; fileName: string; bundle: unknown } | { ok: false; summary: ImportSummary };

/** A summary for a file refused before it reached the host, in the same shape as the host's. */
export function refusedSummary(fileName: string, message: string, issues: ImportSummary['issues'] = []): ImportSummary {
  return {
    fileName,
    ok: false,
    patientsImported: 0,
    patientsAlreadyPresent: 0,
    allergies: 0,
    conditions: 0,
    medications: 0,
    skipped: [],
    issues: issues.length > 0 ? issues : [{ path: '', message }],
  };
}

/** Reads a chosen file as JSON. The parser's own message is not shown: it can quote the file's content. */
export async function readBundleFile(file: Pick<File, 'name' | 'text'>): Promise<BundleFile> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, summary: refusedSummary(file.name, 'This file could not be read. Check that it is still there and try again.') };
  }
  try {
    return { ok: true, fileName: file.name, bundle: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, summary: refusedSummary(file.name, 'This file is not valid JSON, so it cannot be a FHIR bundle.') };
  }
}
