import {
  districtByCode,
  GUANGZHOU_CITY,
  GUANGZHOU_DISTRICTS,
  isGuangzhouDistrictCode,
  isNayongTownshipCode,
  NAYONG_COUNTY,
  NAYONG_TOWNSHIPS,
  PAIRED_DISTRICT_CODE,
  townshipByCode,
} from './regions';

const EN_SUFFIX_BY_KIND = { street: ' Subdistrict', town: ' Town', township: ' Township' } as const;
const ZH_SUFFIX_BY_KIND = { street: '街道', town: '镇', township: '乡' } as const;

describe('NAYONG_TOWNSHIPS', () => {
  it('lists the 29 townships, towns and streets of Nayong County', () => {
    expect(NAYONG_TOWNSHIPS).toHaveLength(29);
  });

  it('counts 6 streets, 13 towns and 10 townships', () => {
    const count = (kind: string) => NAYONG_TOWNSHIPS.filter((township) => township.kind === kind).length;
    expect([count('street'), count('town'), count('township')]).toEqual([6, 13, 10]);
  });

  it('has unique 9-digit codes under the county code', () => {
    const codes = NAYONG_TOWNSHIPS.map((township) => township.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => code.length === 9 && code.startsWith(NAYONG_COUNTY.code))).toBe(true);
  });

  it('ends each Chinese name with the suffix of its kind', () => {
    const mismatched = NAYONG_TOWNSHIPS.filter((township) => !township.name.endsWith(ZH_SUFFIX_BY_KIND[township.kind]));
    expect(mismatched).toEqual([]);
  });

  it('ends each English name with the word for its kind', () => {
    const mismatched = NAYONG_TOWNSHIPS.filter((township) => !township.nameEn.endsWith(EN_SUFFIX_BY_KIND[township.kind]));
    expect(mismatched).toEqual([]);
  });

  it('names ethnic townships after their peoples in English', () => {
    expect(townshipByCode('520525202')?.nameEn).toBe('Shedongguan Yi, Bai and Miao Ethnic Township');
  });
});

describe('GUANGZHOU_DISTRICTS', () => {
  it('lists the 11 districts of Guangzhou', () => {
    expect(GUANGZHOU_DISTRICTS).toHaveLength(11);
  });

  it('has unique 6-digit codes under the city code', () => {
    const codes = GUANGZHOU_DISTRICTS.map((district) => district.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => code.length === 6 && code.startsWith(GUANGZHOU_CITY.code.slice(0, 4)))).toBe(true);
  });

  it('names every district with 区 in Chinese and District in English', () => {
    const mismatched = GUANGZHOU_DISTRICTS.filter((district) => !district.name.endsWith('区') || !district.nameEn.endsWith(' District'));
    expect(mismatched).toEqual([]);
  });
});

describe('PAIRED_DISTRICT_CODE', () => {
  it('is Tianhe District', () => {
    expect(districtByCode(PAIRED_DISTRICT_CODE)?.name).toBe('天河区');
  });
});

describe(townshipByCode.name, () => {
  it('finds a street by its code', () => {
    expect(townshipByCode('520525001')).toEqual({
      code: '520525001',
      name: '雍熙街道',
      nameEn: 'Yongxi Subdistrict',
      kind: 'street',
    });
  });

  it('finds the town the noodles come from', () => {
    expect(townshipByCode('520525107')?.name).toBe('百兴镇');
  });

  it('returns undefined for a code that is not a Nayong township', () => {
    expect(townshipByCode('520525106')).toBeUndefined();
  });
});

describe(districtByCode.name, () => {
  it('finds Tianhe District by its code', () => {
    expect(districtByCode('440106')).toEqual({
      code: '440106',
      name: '天河区',
      nameEn: 'Tianhe District',
    });
  });

  it('returns undefined for a code that is not a Guangzhou district', () => {
    expect(districtByCode('440100')).toBeUndefined();
  });
});

describe(isNayongTownshipCode.name, () => {
  it('accepts every listed township code', () => {
    expect(NAYONG_TOWNSHIPS.every((township) => isNayongTownshipCode(township.code))).toBe(true);
  });

  it.each(['520525', '520525000', '440106', ''])('rejects %p', (code) => {
    expect(isNayongTownshipCode(code)).toBe(false);
  });
});

describe(isGuangzhouDistrictCode.name, () => {
  it('accepts every listed district code', () => {
    expect(GUANGZHOU_DISTRICTS.every((district) => isGuangzhouDistrictCode(district.code))).toBe(true);
  });

  it.each(['440100', '440102', '520525001', ''])('rejects %p', (code) => {
    expect(isGuangzhouDistrictCode(code)).toBe(false);
  });
});
