/** What the server last saw of one workstation: when it last pushed or pulled, and how far its pulls reached. */
interface DeviceState {
  tenantId: string;
  deviceId: string;
  lastSeenMs: number;
  /** The cursor of its last pull; null until it pulls. */
  cursor: number | null;
}

/**
 * The workstations that pushed or pulled since this server started, kept in memory (ids only): enough for the
 * active-device count and each device's pull lag. A restart forgets them until they next sync.
 */
export class DeviceActivity {
  private readonly devices = new Map<string, DeviceState>();

  seen(tenantId: string, deviceId: string, nowMs = Date.now()): void {
    const state = this.devices.get(key(tenantId, deviceId));
    if (state) state.lastSeenMs = nowMs;
    else this.devices.set(key(tenantId, deviceId), { tenantId, deviceId, lastSeenMs: nowMs, cursor: null });
  }

  pulled(tenantId: string, deviceId: string, cursor: number, nowMs = Date.now()): void {
    this.seen(tenantId, deviceId, nowMs);
    this.devices.get(key(tenantId, deviceId))!.cursor = cursor;
  }

  /** Per tenant, how many devices pushed or pulled at or after `sinceMs`. */
  activeByTenant(sinceMs: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const state of this.devices.values()) {
      if (state.lastSeenMs >= sinceMs) counts.set(state.tenantId, (counts.get(state.tenantId) ?? 0) + 1);
    }
    return counts;
  }

  /** Every device that has pulled, with its last cursor. */
  pullCursors(): Array<{ tenantId: string; deviceId: string; cursor: number }> {
    return [...this.devices.values()].flatMap(({ tenantId, deviceId, cursor }) => (cursor === null ? [] : [{ tenantId, deviceId, cursor }]));
  }
}

function key(tenantId: string, deviceId: string): string {
  return `${tenantId}/${deviceId}`;
}
