/**
 * Resident identity card number (GB 11643-1999): 6-digit area code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence and an ISO 7064 MOD 11-2 check character (0–9 or X).
 * Identity numbers are sensitive personal data: display them through `maskResidentId` only.
 */

const CHECK_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';

/** Earliest birth year accepted: the standard's own example `440524188001010014` is born 1880. */
export const RESIDENT_ID_MIN_BIRTH_YEAR = 1800;

/** China keeps UTC+8 all year; "today" for a birth date is today in China, wherever code runs. */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for 8 digits forming a real calendar date from `RESIDENT_ID_MIN_BIRTH_YEAR` on. */
function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return year >= RESIDENT_ID_MIN_BIRTH_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

function checkCharOf(first17: string): string {
  let weightedSum = 0;
  for (let position = 0; position < 17; position++) {
    weightedSum += Number(first17[position]) * CHECK_WEIGHTS[position];
  }
  return CHECK_CHARS[weightedSum % 11];
}

/** The check character (`0`–`9` or `X`) for the first 17 digits. Throws a RangeError otherwise. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('The first 17 characters of a resident ID number are digits');
  }
  return checkCharOf(first17);
}

/**
 * True for 17 digits and a check character (upper-case `X` for ten) where the birth date is a real
 * calendar date from 1800 up to today in China (`asOf`, default now) and the check matches.
 * The area code is not looked up: codes of abolished divisions stay on valid cards.
 */
export function isValidResidentId(id: string, asOf: Date = new Date()): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birthDate = id.slice(6, 14);
  return isCalendarDate(birthDate) && birthDate <= chinaDateOf(asOf) && checkCharOf(id) === id[17];
}

/**
 * Keeps the first 4 and last 4 characters and stars the 10 between: `5205**********1234`.
 * Throws a RangeError (without echoing the input) unless given 18 characters.
 */
export function maskResidentId(id: string): string {
  if (id.length !== 18) {
    throw new RangeError(`A resident ID number has 18 characters, got ${id.length}`);
  }
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;
}

/**
 * Builds a valid number for seeds and tests from a 6-digit area code, a YYYYMMDD birth date
 * (a real date from 1800) and a 3-digit sequence (odd for men, even for women).
 */
export function makeResidentId(areaCode6: string, birthYYYYMMDD: string, seq3: string): string {
  if (!/^\d{6}$/.test(areaCode6)) {
    throw new RangeError(`An area code is 6 digits, got "${areaCode6}"`);
  }
  if (!isCalendarDate(birthYYYYMMDD)) {
    throw new RangeError(`Not a birth date (a real YYYYMMDD from ${RESIDENT_ID_MIN_BIRTH_YEAR}): "${birthYYYYMMDD}"`);
  }
  if (!/^\d{3}$/.test(seq3)) {
    throw new RangeError(`A sequence number is 3 digits, got "${seq3}"`);
  }
  const first17 = areaCode6 + birthYYYYMMDD + seq3;
  return first17 + checkCharOf(first17);
}
