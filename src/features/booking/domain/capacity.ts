/**
 * Capacity of a slot (SPEC C7): one slot = one patient, except reasons with capacity > 1 (group sessions, double
 * appointments). The database's exclusion constraint lets rows overlap only when they share `slot_group`, so the
 * members of one group session must carry the same group, and the count is checked under the practitioner lock.
 */

/** Whether one more live booking (held or booked) fits a slot that already has `liveInSlot`. */
export function fitsCapacity(liveInSlot: number, capacity: number): boolean {
  return liveInSlot < Math.max(1, capacity);
}

/**
 * The `slot_group` of a new booking: null for a one-patient reason (the row keeps its own unique group), the group
 * already used by live members of the same session (demo and practice data use the first member's id), or else a
 * group named after the reason and start, the same for every patient joining that session.
 */
export function slotGroupFor(
  reason: { id: string; capacity: number },
  start: Date,
  existingGroupOfSession: string | null,
): string | null {
  if (reason.capacity <= 1) return null;
  return existingGroupOfSession ?? `reason:${reason.id}@${start.toISOString()}`;
}
