import { REDACTED } from './redacted.ts';

/**
 * The patterns that mark personal data and secrets in free text, as one scan: at each position the first
 * alternative that matches wins, so UUIDs and HLC timestamps (ids, safe to log) are claimed before any pattern
 * could bite into them.
 */

/** Case-insensitive letters without the `i` flag, which would make `Bearer` and street names match loosely too. */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
}

const SEPARATOR = '[_-]?';

/** Labels whose value follows a `:` or `=`, in JSON, query strings and `key=value` text. */
const labels = [
  `[A-Za-z0-9_-]*(?:${['password', 'passwd', 'passphrase', 'secret', 'token', `api${SEPARATOR}key`].map(anyCase).join('|')})`,
  ...['authorization', 'cookie', 'totp', 'otp', 'ssn', 'mrn', 'dob', 'name', 'phone', 'email', 'zip'].map(anyCase),
  `(?:${['given', 'family', 'first', 'last', 'middle', 'full', 'patient', 'user', 'file'].map(anyCase).join('|')})${SEPARATOR}${anyCase('name')}`,
  `${anyCase('birth')}${SEPARATOR}${anyCase('date')}`,
  `${anyCase('date')}${SEPARATOR}${anyCase('of')}${SEPARATOR}${anyCase('birth')}`,
  `${anyCase('e')}${SEPARATOR}${anyCase('mail')}`,
  `${anyCase('address')}(?:${SEPARATOR}${anyCase('line')})?`,
  `${anyCase('postal')}${SEPARATOR}${anyCase('code')}`,
];

const MONTH = '(?:0?[1-9]|1[0-2])';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const YEAR = '(?:1[89]|20)\\d{2}';
const TIME = '(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

const alternatives = {
  // Safe: kept as they are.
  uuid: '(?<![A-Za-z0-9-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![A-Za-z0-9-])',
  hlc: '(?<![\\w:])\\d{15}:\\d{6}:[A-Za-z0-9_-]{1,64}(?![\\w-])',
  // Redacted.
  labelled: `(?<![\\w-])(?<quote>["']?)(?<label>${labels.join('|')})\\k<quote>(?<separator>\\s*[:=]\\s*)(?!${escape(REDACTED)})(?<value>"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|(?:[Bb]earer\\s+|Basic\\s+)?[^\\s"'&,;)}\\]]+)`,
  bearer: '(?<bearerScheme>\\b[Bb]earer\\s+)[A-Za-z0-9._~+/=-]+',
  basic: '(?<basicScheme>\\bBasic\\s+)(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/=])',
  jwt: '\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?',
  email: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}',
  queryParam: '(?<parameter>[?&][A-Za-z0-9_.\\[\\]-]+=)[^&#\\s]+',
  hex: '(?<![\\w-])[0-9a-fA-F]{32,}(?![\\w-])',
  ssn: '(?<![\\w-])\\d{3}(?<ssnSeparator>[- ])\\d{2}\\k<ssnSeparator>\\d{4}(?![\\w-])',
  phone: '(?<![\\w+-])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?![\\w-])|(?<![\\w+-])\\+?1?[2-9]\\d{2}[2-9]\\d{6}(?![\\w-])',
  isoDate: `(?<![\\w.-])${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])${TIME}(?![\\w-])`,
  writtenDate: `(?<![\\w./-])(?:${MONTH}/${DAY}/(?:${YEAR}|\\d{2})|${DAY}/${MONTH}/${YEAR}|${MONTH}-${DAY}-${YEAR}|${DAY}\\.${MONTH}\\.${YEAR}|${YEAR}/${MONTH}/${DAY})(?![\\w/-])`,
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const scan = new RegExp(
  Object.entries(alternatives)
    .map(([name, pattern]) => `(?<${name}>${pattern})`)
    .join('|'),
  'g',
);

type Groups = Partial<Record<string, string>>;

function replacement(match: string, groups: Groups): string {
  if (groups.uuid !== undefined || groups.hlc !== undefined) return match;
  if (groups.labelled !== undefined) {
    const value = groups.value!;
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    const scheme = /^(?:[Bb]earer|Basic)\s+/.exec(value)?.[0] ?? '';
    return `${groups.quote}${groups.label}${groups.quote}${groups.separator}${quote}${scheme}${REDACTED}${quote}`;
  }
  if (groups.bearer !== undefined) return groups.bearerScheme + REDACTED;
  if (groups.basic !== undefined) return groups.basicScheme + REDACTED;
  if (groups.queryParam !== undefined) return groups.parameter + REDACTED;
  return REDACTED;
}

/** Secrets, contact details, identifiers and dates written in `text`, replaced by [REDACTED]. */
export function redactPatterns(text: string): string {
  return text.replace(scan, (match, ...rest) => replacement(match, rest.at(-1) as Groups));
}

/**
 * Long random-looking runs (base64 and base64url secrets, refresh tokens, keys): at least 32 characters mixing
 * upper case, lower case and digits, which paths, words and lower-case UUIDs do not. Runs last, on what the scan
 * left, so a run it declines cannot hide anything else.
 */
const base64Run = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_=-])/g;

export function redactSecretRuns(text: string): string {
  return text.replace(base64Run, (run) => (/[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run) ? REDACTED : run));
}
