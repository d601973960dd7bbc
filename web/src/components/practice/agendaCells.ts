/**
 * The agenda's table, as data: one row per hour of the day (Paris), one column per date; each cell holds what starts
 * in that hour (appointments, holds of patients confirming online, free times) and says whether the practice is open,
 * or the practitioner absent, during it. Pure functions of the API's answer.
 */
import type { Agenda, AgendaAppointment, AgendaHold, Period, Replacement } from '../../api-practice.ts';
import { addDays } from '../../format.ts';
import { parisDay, parisInstant, parisMinutes } from './parisTime.ts';

export type CellItem =
  | { kind: 'appointment'; start: string; appointment: AgendaAppointment }
  | { kind: 'hold'; start: string; hold: AgendaHold }
  | { kind: 'free'; start: string; end: string; placeId: string; replacement: boolean };

export interface Cell { date: string; hour: number; open: boolean; absent: boolean; items: CellItem[] }
export interface Row { hour: number; cells: Cell[] }

/** A period's part within one Paris date, as instants (null when it does not touch the date). */
export function periodOnDate(period: Pick<Period, 'start' | 'end'>, date: string): { start: string; end: string; wholeDay: boolean } | null {
  const dayStart = new Date(parisInstant(date, '00:00')).getTime();
  const dayEnd = new Date(parisInstant(addDays(date, 1), '00:00')).getTime();
  const start = Math.max(new Date(period.start).getTime(), dayStart);
  const end = Math.min(new Date(period.end).getTime(), dayEnd);
  if (start >= end) return null;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), wholeDay: start === dayStart && end === dayEnd };
}

function overlapsHour(range: { start: string; end: string }, date: string, hour: number): boolean {
  const from = new Date(parisInstant(date, `${String(hour).padStart(2, '0')}:00`)).getTime();
  const to = from + 3_600_000;
  return new Date(range.start).getTime() < to && new Date(range.end).getTime() > from;
}

/** The free times of the period, one per place and start (the same time may suit several reasons). */
export function distinctFreeTimes(agenda: Agenda): { start: string; end: string; placeId: string; replacement: boolean }[] {
  const seen = new Map<string, { start: string; end: string; placeId: string; replacement: boolean }>();
  for (const slot of agenda.freeSlots) {
    const key = `${slot.placeId}|${slot.start}`;
    if (!seen.has(key)) seen.set(key, { start: slot.start, end: slot.end, placeId: slot.placeId, replacement: slot.replacement });
  }
  return [...seen.values()];
}

/** Hours shown: from the earliest opening or appointment to the latest, 08:00–19:00 when the period is empty. */
function hourRange(agenda: Agenda): [number, number] {
  const starts = [
    ...agenda.calendar.flatMap((day) => day.opening.map((o) => o.start)),
    ...agenda.appointments.map((a) => a.start), ...agenda.holds.map((h) => h.start),
  ];
  const ends = [
    ...agenda.calendar.flatMap((day) => day.opening.map((o) => o.end)),
    ...agenda.appointments.map((a) => a.end), ...agenda.holds.map((h) => h.end),
  ];
  if (!starts.length) return [8, 19];
  const first = Math.min(8, ...starts.map((s) => Math.floor(parisMinutes(s) / 60)));
  // An end at midnight reads as 0 minutes: count it as the end of the day.
  const last = Math.max(19, ...ends.map((e) => Math.ceil((parisMinutes(e) || 24 * 60) / 60)));
  return [first, Math.min(24, last)];
}

/** The table's rows for the agenda's dates. */
export function agendaRows(agenda: Agenda, absences: readonly Period[]): Row[] {
  const [first, last] = hourRange(agenda);
  const items = new Map<string, CellItem[]>();
  const add = (item: CellItem) => {
    const key = `${parisDay(item.start)}|${Math.floor(parisMinutes(item.start) / 60)}`;
    const list = items.get(key) ?? [];
    list.push(item);
    items.set(key, list);
  };
  for (const appointment of agenda.appointments) add({ kind: 'appointment', start: appointment.start, appointment });
  for (const hold of agenda.holds) add({ kind: 'hold', start: hold.start, hold });
  for (const free of distinctFreeTimes(agenda)) add({ kind: 'free', ...free });
  const rows: Row[] = [];
  for (let hour = first; hour < last; hour++) {
    rows.push({
      hour,
      cells: agenda.calendar.map((day) => ({
        date: day.date,
        hour,
        open: day.opening.some((interval) => overlapsHour(interval, day.date, hour)),
        absent: absences.some((absence) => overlapsHour(absence, day.date, hour)),
        items: (items.get(`${day.date}|${hour}`) ?? []).sort((a, b) => a.start.localeCompare(b.start) || order(a) - order(b)),
      })),
    });
  }
  return rows;
}

function order(item: CellItem): number {
  return item.kind === 'appointment' ? 0 : item.kind === 'hold' ? 1 : 2;
}

/** The replacement covering part of a date, if any. */
export function replacementOn(replacements: readonly Replacement[], date: string): Replacement | undefined {
  return replacements.find((replacement) => periodOnDate(replacement, date));
}
