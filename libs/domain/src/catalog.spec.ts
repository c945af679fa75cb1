import {
  HOUSEHOLD_STATUS_NAMES,
  HOUSEHOLD_STATUSES,
  isHouseholdStatus,
  isLinkMechanism,
  isProductCategory,
  isRole,
  isShippingClass,
  LINK_MECHANISM_NAMES,
  LINK_MECHANISMS,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_NAMES,
  ROLES,
  SHIPPING_CLASS_NAMES,
  SHIPPING_CLASSES,
  SHIPPING_CLASSES_BY_CATEGORY,
} from './catalog';

describe('PRODUCT_CATEGORIES', () => {
  it('lists the eight produce categories of Nayong in catalogue order', () => {
    expect(PRODUCT_CATEGORIES).toEqual(['TEA', 'CHERRY', 'CHICKEN', 'EGG', 'MUSHROOM', 'PORK', 'NOODLE', 'VEGETABLE']);
  });

  it('names every category in Chinese and English', () => {
    expect(PRODUCT_CATEGORIES.map((category) => PRODUCT_CATEGORY_NAMES[category])).toEqual([
      { zh: '茶叶', en: 'Tea' },
      { zh: '玛瑙红樱桃', en: 'Agate-red cherries' },
      { zh: '土鸡', en: 'Free-range chicken' },
      { zh: '土鸡蛋', en: 'Free-range eggs' },
      { zh: '食用菌', en: 'Mushrooms' },
      { zh: '糯谷猪肉', en: 'Pork' },
      { zh: '百兴面条', en: 'Baixing noodles' },
      { zh: '冷凉蔬菜', en: 'Highland vegetables' },
    ]);
  });
});

describe(isProductCategory.name, () => {
  it('accepts every category', () => {
    expect(PRODUCT_CATEGORIES.every(isProductCategory)).toBe(true);
  });

  it.each(['tea', 'RICE', ''])('rejects %p', (value) => {
    expect(isProductCategory(value)).toBe(false);
  });
});

describe('SHIPPING_CLASSES', () => {
  it('are ambient, chilled and frozen', () => {
    expect(SHIPPING_CLASSES).toEqual(['AMBIENT', 'CHILLED', 'FROZEN']);
  });

  it('have Chinese names', () => {
    expect(SHIPPING_CLASSES.map((shippingClass) => SHIPPING_CLASS_NAMES[shippingClass].zh)).toEqual(['常温', '冷藏', '冷冻']);
  });
});

describe('SHIPPING_CLASSES_BY_CATEGORY', () => {
  it('lets every category ship in at least one known class', () => {
    const invalid = PRODUCT_CATEGORIES.filter((category) => {
      const classes = SHIPPING_CLASSES_BY_CATEGORY[category];
      return classes.length === 0 || !classes.every(isShippingClass);
    });
    expect(invalid).toEqual([]);
  });

  it('ships cherries chilled only, as they keep poorly', () => {
    expect(SHIPPING_CLASSES_BY_CATEGORY.CHERRY).toEqual(['CHILLED']);
  });

  it('ships pork chilled or frozen', () => {
    expect(SHIPPING_CLASSES_BY_CATEGORY.PORK).toEqual(['CHILLED', 'FROZEN']);
  });

  it('ships tea and noodles at ambient temperature', () => {
    expect([SHIPPING_CLASSES_BY_CATEGORY.TEA, SHIPPING_CLASSES_BY_CATEGORY.NOODLE]).toEqual([['AMBIENT'], ['AMBIENT']]);
  });
});

describe(isShippingClass.name, () => {
  it.each(['chilled', 'COLD', ''])('rejects %p', (value) => {
    expect(isShippingClass(value)).toBe(false);
  });
});

describe(isRole.name, () => {
  it('accepts the four roles', () => {
    expect(ROLES.filter(isRole)).toEqual(['buyer', 'cooperative', 'official', 'admin']);
  });

  it.each(['Buyer', 'ADMIN', 'guest', ''])('rejects %p', (value) => {
    expect(isRole(value)).toBe(false);
  });
});

describe('LINK_MECHANISMS', () => {
  it('names the four benefit linkages by their official Chinese terms', () => {
    expect(LINK_MECHANISMS.map((mechanism) => LINK_MECHANISM_NAMES[mechanism].zh)).toEqual([
      '入股分红',
      '订单收购',
      '务工就业',
      '土地流转',
    ]);
  });
});

describe(isLinkMechanism.name, () => {
  it('accepts every mechanism', () => {
    expect(LINK_MECHANISMS.every(isLinkMechanism)).toBe(true);
  });

  it.each(['DONATION', 'equity_dividend'])('rejects %p', (value) => {
    expect(isLinkMechanism(value)).toBe(false);
  });
});

describe('HOUSEHOLD_STATUSES', () => {
  it('use the current official terms 脱贫户 and 监测对象', () => {
    expect(HOUSEHOLD_STATUSES.map((status) => HOUSEHOLD_STATUS_NAMES[status].zh)).toEqual(['脱贫户', '监测对象']);
  });
});

describe(isHouseholdStatus.name, () => {
  it('accepts every status', () => {
    expect(HOUSEHOLD_STATUSES.every(isHouseholdStatus)).toBe(true);
  });

  it.each(['POOR', 'lifted'])('rejects %p', (value) => {
    expect(isHouseholdStatus(value)).toBe(false);
  });
});
