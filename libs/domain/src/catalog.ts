/** Closed vocabularies of the marketplace, with their Chinese and English names. */

export interface BilingualName {
  readonly zh: string;
  readonly en: string;
}

function isOneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export const PRODUCT_CATEGORIES = ['TEA', 'CHERRY', 'CHICKEN', 'EGG', 'MUSHROOM', 'PORK', 'NOODLE', 'VEGETABLE'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_CATEGORY_NAMES: Readonly<Record<ProductCategory, BilingualName>> = {
  TEA: { zh: '茶叶', en: 'Tea' },
  CHERRY: { zh: '玛瑙红樱桃', en: 'Agate-red cherries' },
  CHICKEN: { zh: '土鸡', en: 'Free-range chicken' },
  EGG: { zh: '土鸡蛋', en: 'Free-range eggs' },
  MUSHROOM: { zh: '食用菌', en: 'Mushrooms' },
  PORK: { zh: '糯谷猪肉', en: 'Pork' },
  NOODLE: { zh: '百兴面条', en: 'Baixing noodles' },
  VEGETABLE: { zh: '冷凉蔬菜', en: 'Highland vegetables' },
};

export function isProductCategory(value: string): value is ProductCategory {
  return isOneOf(PRODUCT_CATEGORIES, value);
}

export const SHIPPING_CLASSES = ['AMBIENT', 'CHILLED', 'FROZEN'] as const;
export type ShippingClass = (typeof SHIPPING_CLASSES)[number];

export const SHIPPING_CLASS_NAMES: Readonly<Record<ShippingClass, BilingualName>> = {
  AMBIENT: { zh: '常温', en: 'Ambient' },
  CHILLED: { zh: '冷藏', en: 'Chilled' },
  FROZEN: { zh: '冷冻', en: 'Frozen' },
};

/**
 * How each category can travel, from the storage notes in the domain facts (cherries −1…1 °C,
 * chicken 0–4 °C, eggs about 4 °C; dried mushrooms ambient, fresh chilled; pork chilled or frozen).
 */
export const SHIPPING_CLASSES_BY_CATEGORY: Readonly<Record<ProductCategory, readonly ShippingClass[]>> = {
  TEA: ['AMBIENT'],
  CHERRY: ['CHILLED'],
  CHICKEN: ['CHILLED'],
  EGG: ['CHILLED'],
  MUSHROOM: ['CHILLED', 'AMBIENT'],
  PORK: ['CHILLED', 'FROZEN'],
  NOODLE: ['AMBIENT'],
  VEGETABLE: ['CHILLED'],
};

export function isShippingClass(value: string): value is ShippingClass {
  return isOneOf(SHIPPING_CLASSES, value);
}

export const ROLES = ['buyer', 'cooperative', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return isOneOf(ROLES, value);
}

/** 利益联结: how a cooperative's sales benefit the households linked to it. */
export const LINK_MECHANISMS = ['EQUITY_DIVIDEND', 'CONTRACT_PURCHASE', 'EMPLOYMENT', 'LAND_LEASE'] as const;
export type LinkMechanism = (typeof LINK_MECHANISMS)[number];

export const LINK_MECHANISM_NAMES: Readonly<Record<LinkMechanism, BilingualName>> = {
  EQUITY_DIVIDEND: { zh: '入股分红', en: 'Equity and dividends' },
  CONTRACT_PURCHASE: { zh: '订单收购', en: 'Contract purchasing' },
  EMPLOYMENT: { zh: '务工就业', en: 'Employment' },
  LAND_LEASE: { zh: '土地流转', en: 'Land lease' },
};

export function isLinkMechanism(value: string): value is LinkMechanism {
  return isOneOf(LINK_MECHANISMS, value);
}

/** Current official terms (since 2021): 脱贫户 replaced 建档立卡贫困户. */
export const HOUSEHOLD_STATUSES = ['LIFTED', 'MONITORED'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_STATUS_NAMES: Readonly<Record<HouseholdStatus, BilingualName>> = {
  LIFTED: { zh: '脱贫户', en: 'Household lifted out of poverty' },
  MONITORED: { zh: '监测对象', en: 'Monitored household' },
};

export function isHouseholdStatus(value: string): value is HouseholdStatus {
  return isOneOf(HOUSEHOLD_STATUSES, value);
}
