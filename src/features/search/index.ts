/** The search feature's public API: other features import only from here. */
export { searchRoutes } from './routes.ts';
export { searchPractitioners, PAGE_SIZE, type SearchRequest, type SearchResponse, type SearchResult } from './service.ts';
export { suggest, suggestPlaces, type PlaceSuggestion, type Suggestions } from './suggest-service.ts';
export { fairnessRank, fairnessWindow, fairOrder, FAIRNESS_WINDOW_MS } from './domain/fairness.ts';
export { distanceBand, widerRadius, BAND_LIMITS_KM, RADIUS_STEPS_KM, ENOUGH_RESULTS } from './domain/distance.ts';
/** Name matching as search does it, for other features' name pickers (booking: the referring practitioner). */
export { literalFirst, matchText } from './text-match.ts';
export { foldSeparators, FUZZY_MIN_LENGTH, tidyQuery, withoutControlCharacters, withoutTitle } from './domain/query-text.ts';
