export { REDACTED } from './redacted.ts';
export { isSensitiveKey, redactPaths, sensitiveKeyNames } from './sensitiveKeys.ts';
export { redactText, textRedactor, type RedactTextOptions, type TextRedactor } from './redactText.ts';
export { CIRCULAR, redactValue, timestampKeys } from './redactValue.ts';
export { knownValuesOf } from './knownValuesOf.ts';
export { indexKnownValues, knownValuesSharingWords, type KnownValueIndex } from './knownValueIndex.ts';
export { redactLogArguments, textsOf, type KnownValuesFinder } from './logArguments.ts';
