import { pino } from 'pino';

/** Electron main's log, JSON on stderr. Ids, channels and reasons only: never a payload. */
export const log = pino({ name: 'desktop-main', level: 'info' }, pino.destination(2));
