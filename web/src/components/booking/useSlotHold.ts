/**
 * Choosing a slot holds it (C2): POST /api/holds, then `onHeld` (the confirmation page, or the move step).
 * A slot taken meanwhile says so and asks the calendar to read the free slots again.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError, type Slot } from '../../api.ts';
import { holdSlot, type HoldView } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';

export type SlotHoldState =
  | { kind: 'idle' }
  | { kind: 'holding'; slot: Slot }
  | { kind: 'refused'; slot: Slot; message: string };

export interface SlotHoldTarget {
  practitionerId: string;
  placeId: string;
  reasonId: string;
  /** The appointment the new slot would replace (D2). */
  moving?: string;
}

export interface SlotHold {
  state: SlotHoldState;
  choose: (slot: Slot) => void;
  /** Changes after a refusal: the calendar reads its free slots again. */
  refreshKey: number;
  reset: () => void;
}

export function useSlotHold(target: SlotHoldTarget, onHeld: (hold: HoldView) => void): SlotHold {
  const { t, lang } = useI18n();
  const [state, setState] = useState<SlotHoldState>({ kind: 'idle' });
  const [refreshKey, setRefreshKey] = useState(0);
  const busy = useRef(false);
  const { practitionerId, placeId, reasonId, moving } = target;

  const choose = useCallback((slot: Slot) => {
    // One hold at a time: a second click while the first is on its way changes nothing.
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'holding', slot });
    holdSlot({ practitionerId, placeId, reasonId, start: slot.start, ...(moving ? { moving } : {}) }, lang)
      .then((hold) => {
        setState({ kind: 'idle' });
        onHeld(hold);
      })
      .catch((error: unknown) => {
        setState({ kind: 'refused', slot, message: error instanceof ApiError ? error.message : t('web.error.network') });
        if (error instanceof ApiError) setRefreshKey((n) => n + 1);
      })
      .finally(() => {
        busy.current = false;
      });
  }, [practitionerId, placeId, reasonId, moving, lang, onHeld, t]);

  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, choose, refreshKey, reset };
}
