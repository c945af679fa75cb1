import { creditCodeCheckChar, isValidCreditCode } from '@qh/domain';

const LENGTH = 18;
const ALPHABET = /^[0-9A-HJ-NPQRTUWXY]*$/;

export type CreditCodeProblem =
  { kind: 'length'; length: number } | { kind: 'characters' } | { kind: 'checkChar'; expected: string; actual: string };

/** The form a credit code is checked in: trimmed, capitals (people type it in lower case too). */
export function normaliseCreditCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/**
 * What is wrong with a unified social credit code (统一社会信用代码), precisely enough to tell the
 * person who typed it what to correct; null for a valid code. `code` is already normalised.
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!ALPHABET.test(code)) return { kind: 'characters' };
  if (code.length !== LENGTH) return { kind: 'length', length: code.length };
  if (!isValidCreditCode(code)) return { kind: 'checkChar', expected: creditCodeCheckChar(code.slice(0, 17)), actual: code[17]! };
  return null;
}
