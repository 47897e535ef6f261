import { hostname } from 'node:os';

const MAX_WORKSTATION_LENGTH = 100;

/** The name this computer goes by on the clinic's network, as audit events record the workstation. */
export function workstationName(): string {
  return hostname().trim().slice(0, MAX_WORKSTATION_LENGTH).trim() || 'unnamed workstation';
}
