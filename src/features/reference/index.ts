/** What other features use from the reference data. */
export * from './nomenclature.ts';
export { holidayAreaOf, publicHolidays, HOLIDAY_AREAS, type HolidayArea, type PublicHoliday } from './domain/public-holidays.ts';
export { normalisePlaceName } from './domain/place-names.ts';
export { loadReferenceData, HOLIDAY_YEARS, type ReferenceDataLoad } from './load-reference-data.ts';
