import { HOUSEHOLD_STATUS_NAMES, NAYONG_TOWNSHIPS, type HouseholdStatus } from '@qh/domain';
import { useLocale } from '../../i18n';

/** Townships and household statuses by name, in the reader's language. */
export function useHouseholdNames() {
  const { locale } = useLocale();
  const townshipName = (code: string) => {
    const township = NAYONG_TOWNSHIPS.find((candidate) => candidate.code === code);
    return township ? (locale.value === 'en' ? township.nameEn : township.name) : code;
  };
  const statusName = (status: HouseholdStatus) =>
    locale.value === 'en' ? HOUSEHOLD_STATUS_NAMES[status].en : HOUSEHOLD_STATUS_NAMES[status].zh;
  return { townshipName, statusName };
}
