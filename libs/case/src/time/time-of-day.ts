/** A local time of day as `HH:MM` (00:00 to 23:59). */
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isTimeOfDay = (text: unknown): text is string => typeof text === 'string' && TIME_OF_DAY.test(text);

/** Seconds since local midnight of an `HH:MM` time: compare with `localSecondOfDay`. */
export const secondOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
