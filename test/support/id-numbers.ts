import { isValidResidentId } from '@qh/domain';

/** 18 characters shaped like a resident ID number; a valid check character makes it one. */
const ID_NUMBER_SHAPE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** Whether the text holds a full resident ID number: the registry must only ever send them masked. */
export function holdsFullIdNumber(text: string): boolean {
  for (const [candidate] of text.matchAll(ID_NUMBER_SHAPE)) {
    if (isValidResidentId(candidate.toUpperCase())) return true;
  }
  return false;
}
