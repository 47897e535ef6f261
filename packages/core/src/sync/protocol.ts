/** Bumped when the envelope changes shape; the server serves the previous version too. */
export const SYNC_PROTOCOL_VERSION = 1;
/** Bumped when an entity's fields change; outbox entries written under an older one are migrated, not dropped. */
export const SYNC_SCHEMA_VERSION = 1;
export const SUPPORTED_PROTOCOL_VERSIONS = [1] as const;
export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 1000;
