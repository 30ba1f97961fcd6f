/**
 * Time zones by their IANA names, through the platform's Intl data. The park keeps its clock in
 * one (`park.timezone`): alarm windows start at local midnight, ledger periods are spans of local
 * time. Pure (no clock: the instant is always given).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The offset of local time from UTC in `timeZone` at an instant, ms (local wall clock − UTC; +8 h
 * for Asia/Shanghai), to the second — historical local mean times have seconds. An unknown zone
 * throws a RangeError.
 */
export function utcOffsetMs(timeZone: string, at: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(at))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(at / 1000) * 1000;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in `timeZone`, YYYY-MM-DD. The formatter is kept per zone: making one costs some 50 µs, using it 1 µs. */
export function localDate(at: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(at));
}

/** The offset of `timeZone` from UTC at an instant as ±hh:mm (EPCIS `eventTimeZoneOffset`), to the minute. */
export function utcOffsetText(at: number, timeZone: string): string {
  const minutes = Math.round(utcOffsetMs(timeZone, at) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
