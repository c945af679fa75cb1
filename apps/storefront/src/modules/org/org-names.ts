import { normaliseRoles, ORGANISATION_TYPES, type OrganisationRole } from '@qh/domain';
import { useI18n } from 'vue-i18n';
import { useLocale } from '../../i18n';
import { districtName } from '../../lib/districts';
import { formatPrice } from '../../lib/format';
import { useLocalized } from '../../lib/localized';
import type { PriceBreak, ReceivingWindow } from './org-api';
import { weekdayRuns } from './site-form';

/** Organisation types, member roles, districts, receiving hours and price breaks in words, in the reader's language. */
export function useOrgNames() {
  const { t } = useI18n();
  const { locale } = useLocale();
  const localized = useLocalized();

  const typeName = (code: string) => {
    const type = ORGANISATION_TYPES.find((candidate) => candidate.code === code);
    return type ? localized(type.name, type.nameEn) : code;
  };
  /** `管理员、采购员`: in the canonical order, whatever order the API listed them in. */
  const roleNames = (roles: readonly OrganisationRole[]) =>
    normaliseRoles(roles)
      .map((role) => t(`org.roles.${role}`))
      .join(t('orders.separator'));
  const district = (code: string) => districtName(code, locale.value);

  const day = (weekday: number) => t(`org.weekdays.long.${weekday}`);
  // Three days or more in a row read as a range (周一至周五); two as themselves (周六、周日).
  const runText = ([first, last]: [number, number]): string[] => {
    if (last - first >= 2) return [t('org.sites.dayRange', { from: day(first), to: day(last) })];
    return first === last ? [day(first)] : [day(first), day(last)];
  };
  /** `周一至周五 06:30–10:00` */
  const windowText = (window: ReceivingWindow) =>
    t('org.sites.window', {
      days: weekdayRuns(window.weekdays).flatMap(runText).join(t('orders.separator')),
      from: window.from,
      to: window.to,
    });

  /** `满20件 ¥418.00/件`: the unit price from a quantity on. */
  const breakText = (step: PriceBreak) => t('org.orders.breakStep', { n: step.minQuantity, price: formatPrice(step.priceFen) });

  return { typeName, roleNames, districtName: district, windowText, breakText };
}
