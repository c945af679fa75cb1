/**
 * Statistical division codes (National Bureau of Statistics, 2023; county codes per GB/T 2260)
 * for the two ends of the pairing: Nayong County's townships and Guangzhou's districts.
 * Copied in as constants so nothing reads a data file at run time.
 */

export type TownshipKind = 'street' | 'town' | 'township';

export interface NayongTownship {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: TownshipKind;
}

export interface GuangzhouDistrict {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

export const NAYONG_COUNTY = {
  code: '520525',
  name: '纳雍县',
  nameEn: 'Nayong County',
  prefecture: { code: '520500', name: '毕节市', nameEn: 'Bijie' },
  province: { code: '520000', name: '贵州省', nameEn: 'Guizhou Province' },
} as const;

export const GUANGZHOU_CITY = {
  code: '440100',
  name: '广州市',
  nameEn: 'Guangzhou',
} as const;

export const NAYONG_TOWNSHIPS = [
  { code: '520525001', name: '雍熙街道', nameEn: 'Yongxi Subdistrict', kind: 'street' },
  { code: '520525002', name: '文昌街道', nameEn: 'Wenchang Subdistrict', kind: 'street' },
  { code: '520525003', name: '居仁街道', nameEn: 'Juren Subdistrict', kind: 'street' },
  { code: '520525004', name: '宣慰街道', nameEn: 'Xuanwei Subdistrict', kind: 'street' },
  { code: '520525005', name: '利园街道', nameEn: 'Liyuan Subdistrict', kind: 'street' },
  { code: '520525006', name: '珙桐街道', nameEn: 'Gongtong Subdistrict', kind: 'street' },
  { code: '520525101', name: '骔岭镇', nameEn: 'Zongling Town', kind: 'town' },
  { code: '520525102', name: '阳长镇', nameEn: 'Yangchang Town', kind: 'town' },
  { code: '520525103', name: '维新镇', nameEn: 'Weixin Town', kind: 'town' },
  { code: '520525104', name: '龙场镇', nameEn: 'Longchang Town', kind: 'town' },
  { code: '520525105', name: '乐治镇', nameEn: 'Lezhi Town', kind: 'town' },
  { code: '520525107', name: '百兴镇', nameEn: 'Baixing Town', kind: 'town' },
  { code: '520525108', name: '张家湾镇', nameEn: 'Zhangjiawan Town', kind: 'town' },
  { code: '520525114', name: '勺窝镇', nameEn: 'Shaowo Town', kind: 'town' },
  { code: '520525115', name: '寨乐镇', nameEn: 'Zhaile Town', kind: 'town' },
  { code: '520525116', name: '玉龙坝镇', nameEn: 'Yulongba Town', kind: 'town' },
  { code: '520525117', name: '沙包镇', nameEn: 'Shabao Town', kind: 'town' },
  { code: '520525118', name: '水东镇', nameEn: 'Shuidong Town', kind: 'town' },
  { code: '520525119', name: '曙光镇', nameEn: 'Shuguang Town', kind: 'town' },
  {
    code: '520525201',
    name: '新房彝族苗族乡',
    nameEn: 'Xinfang Yi and Miao Ethnic Township',
    kind: 'township',
  },
  {
    code: '520525202',
    name: '厍东关彝族白族苗族乡',
    nameEn: 'Shedongguan Yi, Bai and Miao Ethnic Township',
    kind: 'township',
  },
  { code: '520525203', name: '董地乡', nameEn: 'Dongdi Township', kind: 'township' },
  { code: '520525205', name: '化作乡', nameEn: 'Huazuo Township', kind: 'township' },
  { code: '520525210', name: '姑开乡', nameEn: 'Gukai Township', kind: 'township' },
  { code: '520525211', name: '羊场乡', nameEn: 'Yangchang Township', kind: 'township' },
  { code: '520525212', name: '锅圈岩乡', nameEn: 'Guoquanyan Township', kind: 'township' },
  { code: '520525213', name: '昆寨乡', nameEn: 'Kunzhai Township', kind: 'township' },
  { code: '520525214', name: '左鸠戛乡', nameEn: 'Zuojiuga Township', kind: 'township' },
  { code: '520525215', name: '猪场乡', nameEn: 'Zhuchang Township', kind: 'township' },
] as const satisfies readonly NayongTownship[];

export const GUANGZHOU_DISTRICTS = [
  { code: '440103', name: '荔湾区', nameEn: 'Liwan District' },
  { code: '440104', name: '越秀区', nameEn: 'Yuexiu District' },
  { code: '440105', name: '海珠区', nameEn: 'Haizhu District' },
  { code: '440106', name: '天河区', nameEn: 'Tianhe District' },
  { code: '440111', name: '白云区', nameEn: 'Baiyun District' },
  { code: '440112', name: '黄埔区', nameEn: 'Huangpu District' },
  { code: '440113', name: '番禺区', nameEn: 'Panyu District' },
  { code: '440114', name: '花都区', nameEn: 'Huadu District' },
  { code: '440115', name: '南沙区', nameEn: 'Nansha District' },
  { code: '440117', name: '从化区', nameEn: 'Conghua District' },
  { code: '440118', name: '增城区', nameEn: 'Zengcheng District' },
] as const satisfies readonly GuangzhouDistrict[];

export type NayongTownshipCode = (typeof NAYONG_TOWNSHIPS)[number]['code'];
export type GuangzhouDistrictCode = (typeof GUANGZHOU_DISTRICTS)[number]['code'];

/** Tianhe District has been paired with Nayong County since September 2016. */
export const PAIRED_DISTRICT_CODE: GuangzhouDistrictCode = '440106';

const townshipsByCode: ReadonlyMap<string, NayongTownship> = new Map(NAYONG_TOWNSHIPS.map((township) => [township.code, township]));
const districtsByCode: ReadonlyMap<string, GuangzhouDistrict> = new Map(GUANGZHOU_DISTRICTS.map((district) => [district.code, district]));

/** The Nayong township, town or street with this 9-digit code, or undefined. */
export function townshipByCode(code: string): NayongTownship | undefined {
  return townshipsByCode.get(code);
}

/** The Guangzhou district with this 6-digit code, or undefined. */
export function districtByCode(code: string): GuangzhouDistrict | undefined {
  return districtsByCode.get(code);
}

export function isNayongTownshipCode(code: string): code is NayongTownshipCode {
  return townshipsByCode.has(code);
}

export function isGuangzhouDistrictCode(code: string): code is GuangzhouDistrictCode {
  return districtsByCode.has(code);
}
