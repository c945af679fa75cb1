/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over a 31-character
 * alphabet, the last one a weighted mod-31 check character.
 */

/** The code's alphabet; a character's value is its index (I, O, S, V and Z are never used). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of positions 1–17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Position 1 `9` (market regulation) and position 2 `3` (farmers' cooperative). */
export const COOPERATIVE_CREDIT_CODE_PREFIX = '93';

const BODY_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

function checkCharOf(body: string): string {
  let weightedSum = 0;
  for (let position = 0; position < 17; position++) {
    weightedSum += CREDIT_CODE_ALPHABET.indexOf(body[position]) * CREDIT_CODE_WEIGHTS[position];
  }
  return CREDIT_CODE_ALPHABET[(31 - (weightedSum % 31)) % 31];
}

/**
 * The check character (position 18) for the first 17 characters of a code. Throws a RangeError
 * unless `first17` is 17 characters of the alphabet (upper case).
 */
export function creditCodeCheckChar(first17: string): string {
  if (!BODY_PATTERN.test(first17)) {
    throw new RangeError(`A credit code body is 17 characters of ${CREDIT_CODE_ALPHABET}, got "${first17}"`);
  }
  return checkCharOf(first17);
}

/**
 * True for 18 upper-case characters of the alphabet whose last is the right check character.
 * Callers normalise input (trim, upper-case) first; this checks the canonical form only.
 */
export function isValidCreditCode(code: string): boolean {
  return CODE_PATTERN.test(code) && checkCharOf(code.slice(0, 17)) === code[17];
}

/** True for a valid code registered by market regulation as a farmers' cooperative (`93…`). */
export function isCooperativeCreditCode(code: string): boolean {
  return isValidCreditCode(code) && code.startsWith(COOPERATIVE_CREDIT_CODE_PREFIX);
}

/** Appends the check character: builds valid codes for seeds and tests. */
export function makeCreditCode(prefix17: string): string {
  return prefix17 + creditCodeCheckChar(prefix17);
}
