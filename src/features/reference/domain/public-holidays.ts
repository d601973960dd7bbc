/** French public holidays per area, which close the agendas (`public_holidays` table). */
import { createRequire } from 'node:module';

/** Holidays as `@socialgouv/jours-feries` returns them: name → local midnight of the day. */
type JoursFeries = (year: number, options?: { alsace: boolean }) => Record<string, Date>;
const joursFeries = createRequire(import.meta.url)('@socialgouv/jours-feries') as JoursFeries;

export type HolidayArea =
  | 'metropole' | 'alsace-moselle'
  | 'guadeloupe' | 'martinique' | 'guyane' | 'la-reunion' | 'mayotte' | 'saint-barthelemy' | 'saint-martin';

export const HOLIDAY_AREAS: readonly HolidayArea[] = [
  'metropole', 'alsace-moselle', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte', 'saint-barthelemy', 'saint-martin',
];

export interface PublicHoliday {
  /** 'YYYY-MM-DD', a calendar day in the area's own time zone. */
  day: string;
  name: string;
}

// Local law keeps Good Friday (in towns with a Protestant church, applied département-wide here) and 26 December.
const ALSACE_MOSELLE = new Set(['57', '67', '68']);

// Day of the abolition of slavery (law of 1983 and later decrees), a public holiday in each overseas area.
const ABOLITION_OF_SLAVERY: Partial<Record<HolidayArea, { departement: string; month: number; day: number }>> = {
  mayotte: { departement: '976', month: 4, day: 27 },
  martinique: { departement: '972', month: 5, day: 22 },
  guadeloupe: { departement: '971', month: 5, day: 27 },
  'saint-martin': { departement: '978', month: 5, day: 28 },
  guyane: { departement: '973', month: 6, day: 10 },
  'saint-barthelemy': { departement: '977', month: 10, day: 9 },
  'la-reunion': { departement: '974', month: 12, day: 20 },
};

/** The holiday calendar that applies in a département (INSEE code, e.g. '44', '2A', '971'). */
export function holidayAreaOf(departement: string): HolidayArea {
  if (ALSACE_MOSELLE.has(departement)) return 'alsace-moselle';
  const overseas = Object.entries(ABOLITION_OF_SLAVERY).find(([, rule]) => rule.departement === departement);
  // Other overseas collectivities (975, 986–988) have calendars of their own we do not model: national holidays only.
  return overseas ? (overseas[0] as HolidayArea) : 'metropole';
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar day of a library date; it computes moveable feasts by adding 24 h, so a DST change may shift it by 1 h. */
function calendarDay(date: Date): string {
  const midday = new Date(date.getTime() + 12 * 3600 * 1000);
  return `${midday.getFullYear()}-${twoDigits(midday.getMonth() + 1)}-${twoDigits(midday.getDate())}`;
}

/** Public holidays of a year in an area, in calendar order. */
export function publicHolidays(year: number, area: HolidayArea): PublicHoliday[] {
  const holidays = Object.entries(joursFeries(year, { alsace: area === 'alsace-moselle' }))
    .map(([name, date]) => ({ day: calendarDay(date), name }));
  const abolition = ABOLITION_OF_SLAVERY[area];
  if (abolition) holidays.push({ day: `${year}-${twoDigits(abolition.month)}-${twoDigits(abolition.day)}`, name: "Abolition de l'esclavage" });
  return mergeSameDay(holidays.sort((a, b) => a.day.localeCompare(b.day)));
}

/** Two feasts may fall on one day (Ascension on 1 or 8 May, or on 22 May in Martinique in 2031): one closed day. */
function mergeSameDay(sorted: PublicHoliday[]): PublicHoliday[] {
  const merged: PublicHoliday[] = [];
  for (const holiday of sorted) {
    const last = merged[merged.length - 1];
    if (last?.day === holiday.day) last.name = `${last.name} / ${holiday.name}`;
    else merged.push({ ...holiday });
  }
  return merged;
}
