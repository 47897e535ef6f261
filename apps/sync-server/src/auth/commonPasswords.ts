/**
 * Well-known common passwords of 12 characters or more (shorter ones fail the length rule anyway), lower case.
 * A small hand-checked stand-in: the full top-1,000 list of a published breach corpus is still to be vendored.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789000',
  '111111111111',
  '000000000000',
  '123123123123',
  '121212121212',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password123!',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'qazwsxedcrfv',
  'asdfghjklzxc',
  'iloveyou1234',
  'abcdefghijkl',
  'abcd12345678',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
]);
