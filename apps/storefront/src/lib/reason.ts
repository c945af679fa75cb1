import type { MessageKey } from '../i18n';

/** A reason someone else will read (a suspension, a rejection): the API's ReasonDto allows 2–500 characters. */
export const REASON_LENGTH = { min: 2, max: 500 } as const;

export function reasonProblem(reason: string): { key: MessageKey; params: Record<string, number> } | null {
  const length = [...reason.trim()].length;
  if (length < REASON_LENGTH.min) return { key: 'reason.tooShort', params: { min: REASON_LENGTH.min } };
  if (length > REASON_LENGTH.max) return { key: 'reason.tooLong', params: { max: REASON_LENGTH.max } };
  return null;
}
