import {
  DEFAULT_RESERVED_SHARE_BP,
  makeCreditCode,
  reservedTargetFen,
  type CreditTerms,
  type OrganisationRole,
  type OrganisationType,
  type ReceivingWindow,
} from '@qh/domain';
import type { EntityManager } from 'typeorm';

interface DemoOrganisation {
  name: string;
  nameEn: string;
  /** The 17 characters before the check character: registration authority, class, district, organisation code. */
  creditCode17: string;
  type: OrganisationType;
  budgetUnit: boolean;
  hasCanteen: boolean;
  contactName: string;
  contactMobile: string;
  /** Orders of this total or more wait for an approver. */
  approvalThresholdFen: number;
  /** Pays on account against monthly statements (granted by the demo admin); without, it pays online. */
  creditTerms?: CreditTerms;
  /** This year's canteen food budget (fen): a reserved-share plan at the default share, entered by its manager. */
  canteenBudgetFen?: number;
  members: { email: string; roles: OrganisationRole[] }[];
  sites: {
    name: string;
    street: string;
    contactName: string;
    contactMobile: string;
    windows: ReceivingWindow[];
    driverNotes: string | null;
  }[];
}

const WEEKDAY_MORNINGS: ReceivingWindow[] = [{ weekdays: [1, 2, 3, 4, 5], from: '06:30', to: '10:00' }];

/**
 * The institutional buyers of the demo, all verified and in Tianhe District: a government canteen
 * whose staff split the roles and which pays on account, a school canteen and a trade union each run
 * by one person, paying online.
 * Their accounts are in DEMO_ACCOUNTS (the demo password, development only).
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: '广州市天河区机关事务管理中心饭堂',
    nameEn: 'Tianhe District Government Offices Canteen',
    creditCode17: '11440106MB2C39481',
    type: 'GOVERNMENT',
    budgetUnit: true,
    hasCanteen: true,
    contactName: '李建华',
    contactMobile: '13800138101',
    // ¥5,000: the weekly eggs and noodles wait for approver@demo.cn.
    approvalThresholdFen: 500_000,
    // 月结: statements 30 days to pay, up to ¥200,000 owed at once.
    creditTerms: { paymentDays: 30, creditLimitFen: 20_000_000 },
    // ¥3.6 million a year for its two canteens: 10% reserved, ¥360,000.
    canteenBudgetFen: 360_000_000,
    members: [
      { email: 'canteen@demo.cn', roles: ['MANAGER', 'PURCHASER', 'RECEIVER'] },
      { email: 'approver@demo.cn', roles: ['APPROVER'] },
      { email: 'finance@demo.cn', roles: ['FINANCE'] },
    ],
    sites: [
      {
        name: '机关一食堂',
        street: '天府路 1 号 区政府大院 3 号楼 负一层 卸货区',
        contactName: '王师傅',
        contactMobile: '13900139101',
        windows: WEEKDAY_MORNINGS,
        driverNotes: '从东门进，卸货区限高 3.2 米',
      },
      {
        name: '中心仓库',
        street: '黄埔大道西 668 号 B 栋 1 楼',
        contactName: '陈主管',
        contactMobile: '13900139102',
        windows: [{ weekdays: [1, 3, 5], from: '14:00', to: '17:30' }],
        driverNotes: null,
      },
    ],
  },
  {
    name: '广州市天河区黔粤实验小学',
    nameEn: 'Qianyue Experimental Primary School, Tianhe',
    creditCode17: '12440106MB0N7D2K5',
    type: 'SCHOOL',
    budgetUnit: true,
    hasCanteen: true,
    contactName: '周敏',
    contactMobile: '13800138102',
    approvalThresholdFen: 0,
    members: [{ email: 'school@demo.cn', roles: ['MANAGER', 'PURCHASER', 'APPROVER', 'FINANCE', 'RECEIVER'] }],
    sites: [
      {
        name: '学校食堂',
        street: '龙口西路 120 号 后门',
        contactName: '刘阿姨',
        contactMobile: '13900139103',
        windows: [{ weekdays: [1, 2, 3, 4, 5], from: '06:00', to: '08:30' }],
        driverNotes: '上课时间请勿鸣笛',
      },
    ],
  },
  {
    name: '广州天河软件园科技有限公司工会委员会',
    nameEn: 'Tianhe Software Park Technology Co. Trade Union',
    creditCode17: '81440106MC4G8R1P3',
    type: 'TRADE_UNION',
    budgetUnit: false,
    hasCanteen: false,
    contactName: '黄丽',
    contactMobile: '13800138103',
    approvalThresholdFen: 1_000_000,
    members: [{ email: 'union@demo.cn', roles: ['MANAGER', 'PURCHASER', 'APPROVER', 'FINANCE', 'RECEIVER'] }],
    sites: [
      {
        name: '工会活动室',
        street: '高唐路 230 号 5 楼',
        contactName: '黄丽',
        contactMobile: '13800138103',
        windows: [{ weekdays: [1, 2, 3, 4, 5], from: '09:30', to: '17:30' }],
        driverNotes: '前台签收',
      },
    ],
  },
];

/** Writes the demo organisations, their members (accounts already seeded), sites, plans and invoice profiles; returns how many. */
export async function seedDemoOrganisations(manager: EntityManager): Promise<number> {
  for (const organisation of DEMO_ORGANISATIONS) {
    const [manager0] = organisation.members;
    const [row] = await manager.query(
      `INSERT INTO organisation (name, name_en, credit_code, type, district_code, budget_unit, has_canteen, contact_name, contact_mobile,
                                 approval_threshold_fen, status, registered_by, verified_at)
       VALUES ($1, $2, $3, $4, '440106', $5, $6, $7, $8, $10, 'VERIFIED', (SELECT id FROM account WHERE email = $9), qh_now()) RETURNING id`,
      [
        organisation.name,
        organisation.nameEn,
        makeCreditCode(organisation.creditCode17),
        organisation.type,
        organisation.budgetUnit,
        organisation.hasCanteen,
        organisation.contactName,
        organisation.contactMobile,
        manager0.email,
        organisation.approvalThresholdFen,
      ],
    );
    for (const member of organisation.members) {
      await manager.query(
        `INSERT INTO organisation_member (organisation_id, account_id, roles) SELECT $1, id, $3 FROM account WHERE email = $2`,
        [row.id, member.email, member.roles],
      );
    }
    if (organisation.creditTerms) {
      await manager.query(
        `INSERT INTO credit_terms (organisation_id, payment_days, credit_limit_fen, granted_by)
         SELECT $1, $2, $3, id FROM account WHERE email = 'admin@demo.cn'`,
        [row.id, organisation.creditTerms.paymentDays, organisation.creditTerms.creditLimitFen],
      );
    }
    if (organisation.canteenBudgetFen !== undefined) {
      await manager.query(
        `INSERT INTO reserved_share_plan (organisation_id, year, budget_fen, share_bp, target_fen, updated_by)
         SELECT $1, extract(year FROM qh_today())::int, $2::bigint, $3::int, $4::bigint, id FROM account WHERE email = $5`,
        [
          row.id,
          organisation.canteenBudgetFen,
          DEFAULT_RESERVED_SHARE_BP,
          reservedTargetFen(organisation.canteenBudgetFen, DEFAULT_RESERVED_SHARE_BP),
          manager0.email,
        ],
      );
    }
    // Its invoices are made out to its own name and credit code (普票), ready to pick when it orders.
    await manager.query(
      `INSERT INTO invoice_profile (organisation_id, kind, title, tax_number, is_default, created_by)
       SELECT $1, 'ORDINARY', $2, $3, true, id FROM account WHERE email = $4`,
      [row.id, organisation.name, makeCreditCode(organisation.creditCode17), manager0.email],
    );
    for (const site of organisation.sites) {
      await manager.query(
        `INSERT INTO delivery_site (organisation_id, name, district_code, street, contact_name, contact_mobile, receiving_windows, driver_notes)
         VALUES ($1, $2, '440106', $3, $4, $5, $6, $7)`,
        [row.id, site.name, site.street, site.contactName, site.contactMobile, JSON.stringify(site.windows), site.driverNotes],
      );
    }
  }
  return DEMO_ORGANISATIONS.length;
}
