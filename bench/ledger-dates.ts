/**
 * Days as whole numbers since 1970-01-01 (UTC), and their text. Dates and instants are formatted by
 * hand from cached parts: Date#toISOString was the generator's largest cost at a million pledges.
 */

export const DAY = 86_400_000;
export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

const days = new Map<number, string>();
export function isoDay(day: number): string {
  let text = days.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    days.set(day, text);
  }
  return text;
}
const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** The same text as `new Date(ms).toISOString()`. */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY);
  let rest = ms - day * DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${isoDay(day)}T${pad2[hours]}:${pad2[minutes]}:${pad2[seconds]}.${pad3[rest - seconds * 1000]}Z`;
}
