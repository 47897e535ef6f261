/**
 * npm run import -- <folder or files…> [--server http://127.0.0.1:4010] [--email admin@clinic]
 * Imports FHIR R4 bundles through the sync server's import.bundle procedure, one file at a time.
 * Prints file names and counts only: never patient data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildImportSummary, type ImportSummary } from '@eonpro/core';
import { parseImportArgs, usage, type ImportOptions } from './import/args.ts';
import { findBundleFiles } from './import/bundleFiles.ts';
import { parseBundleJson } from './import/parseBundleJson.ts';
import { promptPassword } from './import/password.ts';
import { formatProgress, formatReport, importExitCode } from './import/report.ts';
import { ImportSession } from './import/serverClient.ts';
import { UsageError } from './import/usageError.ts';

async function importFiles(options: ImportOptions): Promise<0 | 1> {
  const files = await findBundleFiles(options.paths);
  const password = process.env.EONPRO_PASSWORD || (await promptPassword(`Password for ${options.email}: `));
  const session = new ImportSession(options.serverUrl);
  const askCode = async () => {
    if (process.env.EONPRO_TOTP_CODE) return process.env.EONPRO_TOTP_CODE;
    if (!process.stdin.isTTY) throw new UsageError('Set EONPRO_TOTP_CODE to a code from your authenticator app, or run the import in a terminal to be asked for it.');
    return promptPassword('Code from your authenticator app: ');
  };
  await session.signIn(options.email, password, askCode);
  console.log(`Importing ${files.length} file${files.length === 1 ? '' : 's'} into ${options.serverUrl}`);

  const summaries: ImportSummary[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const summary = await importFile(session, file);
      summaries.push(summary);
      console.log(formatProgress(index + 1, files.length, summary));
    }
  } finally {
    // Also when the server goes away mid-way: show what was imported before stopping.
    if (summaries.length > 0) console.log(`\n${formatReport(summaries)}`);
  }
  return importExitCode(summaries);
}

async function importFile(session: ImportSession, file: string): Promise<ImportSummary> {
  const fileName = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return buildImportSummary(fileName, { ok: false, issues: [{ path: '', message: 'Could not read the file' }] });
  }
  const parsed = parseBundleJson(text);
  if (!parsed.ok) return buildImportSummary(fileName, { ok: false, issues: [parsed.issue] });
  return session.importBundle(fileName, parsed.bundle);
}

async function main(): Promise<number> {
  const args = parseImportArgs(process.argv.slice(2), process.env);
  if (args.kind === 'help') {
    console.log(usage);
    return 0;
  }
  if (args.kind === 'error') {
    console.error(`${args.message}\n\n${usage}`);
    return 2;
  }
  try {
    return await importFiles(args.options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
}

process.exitCode = await main();
