/**
 * Distance rules of the results list (SPEC B2, B3): bands of equal relevance, and the search radius that
 * widens when too few practitioners are near the place.
 */

/** Radii tried in turn, in kilometres. */
export const RADIUS_STEPS_KM = [10, 25, 50, 100] as const;

/** Fewer results than this within a radius makes the search widen to the next one. */
export const ENOUGH_RESULTS = 10;

/**
 * Upper bounds (exclusive, km) of the distance bands after band 0 « same commune »:
 * band 1 < 5 km, band 2 < 10 km, band 3 < 20 km, band 4 < 50 km, band 5 farther.
 */
export const BAND_LIMITS_KM = [5, 10, 20, 50] as const;

/**
 * Band of a place: 0 when it is in the searched commune and within the first band (Paris is one commune), then by
 * distance; nearer bands come first.
 */
export function distanceBand(sameCommune: boolean, distanceKm: number): number {
  if (sameCommune && distanceKm < BAND_LIMITS_KM[0]) return 0;
  const index = BAND_LIMITS_KM.findIndex((limit) => distanceKm < limit);
  return index === -1 ? BAND_LIMITS_KM.length + 1 : index + 1;
}

/** The radius to try after `radiusKm` gave `found` results, or null when the list stays as it is. */
export function widerRadius(radiusKm: number, found: number): number | null {
  if (found >= ENOUGH_RESULTS) return null;
  return RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? null;
}
