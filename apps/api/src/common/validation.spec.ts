import type { ArgumentMetadata } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min, validate } from 'class-validator';
import { UpdateProductDto } from '../catalog/dto/managed-product.dto';
import { UpdateHouseholdDto } from '../households/dto/household.dto';
import { ImpactFilterDto } from '../impact/dto/impact.dto';
import { CheckoutDto } from '../orders/dto/order.dto';
import { CreateRefundDto } from '../payments/dto/refund.dto';
import { KeptQuery, keepValidationRules, QueryKeepingValidationPipe } from './validation';

/** The fields the global ValidationPipe would refuse, with its options. */
async function refused(type: new () => object, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((error) => error.property).sort();
}

const ADDRESS = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' };

describe('optional fields', () => {
  it('may be left out, but not sent as null where null cannot be stored', async () => {
    expect(await refused(UpdateHouseholdDto, {})).toEqual([]);
    expect(await refused(UpdateHouseholdDto, { village: null, headName: null, idNumber: null, townshipCode: null })).toEqual([
      'headName',
      'idNumber',
      'townshipCode',
      'village',
    ]);
    expect(await refused(UpdateProductDto, { category: null, titleZh: null, descriptionEn: null, images: null })).toEqual([
      'category',
      'descriptionEn',
      'images',
      'titleZh',
    ]);
    expect(await refused(CheckoutDto, { address: ADDRESS, note: null, invoice: null })).toEqual(['invoice', 'note']);
    expect(await refused(CreateRefundDto, { orderNumber: 'QH20261129-000123', reason: 'broken', lines: null })).toEqual(['lines']);
  });

  it('still take null where null means "none" (no exit year, no sale window)', async () => {
    expect(await refused(UpdateHouseholdDto, { exitYear: null })).toEqual([]);
    expect(await refused(UpdateProductDto, { saleStartsAt: null, saleEndsAt: null, presaleShipsOn: null })).toEqual([]);
  });
});

describe('nested objects', () => {
  it('must be there when required, and be objects', async () => {
    expect(await refused(CheckoutDto, {})).toEqual(['address']);
    expect(await refused(CheckoutDto, { address: [ADDRESS] })).toEqual(['address']);
    expect(await refused(CheckoutDto, { address: ADDRESS, invoice: 'x' })).toEqual(['invoice']);
    expect(await refused(CheckoutDto, { address: ADDRESS })).toEqual([]);
  });
});

describe('days and instants', () => {
  it('are real calendar days of this century only', async () => {
    for (const day of ['0000-01-01', '9999-12-31', '2026-02-30', '2026-W01-1'])
      expect(await refused(ImpactFilterDto, { from: day })).toEqual(['from']);
    expect(await refused(ImpactFilterDto, { from: '2024-02-29', to: '2099-12-31' })).toEqual([]);
  });

  it('are RFC 3339 instants with their offset', async () => {
    for (const at of ['2026-W01-1', '2026-001T00:00:00Z', '2027-04-10T08:00:00', '9999-12-31T23:59:59Z'])
      expect(await refused(UpdateProductDto, { saleEndsAt: at })).toEqual(['saleEndsAt']);
    expect(await refused(UpdateProductDto, { saleStartsAt: '2027-04-10T08:00:00+08:00', saleEndsAt: '2027-05-31T16:00:00.000Z' })).toEqual(
      [],
    );
  });
});

describe('rules kept per class (keepValidationRules)', () => {
  class Page {
    @IsInt() limit!: number;
  }
  class Search extends Page {
    @IsString() q!: string;
  }

  it('still hold those a class inherits, for every class, however often it is validated', async () => {
    keepValidationRules();
    keepValidationRules();
    for (let round = 0; round < 3; round++) {
      expect(await refused(Search, { limit: 'ten', q: 7 })).toEqual(['limit', 'q']);
      expect(await refused(Page, { limit: 'ten', q: 'x' })).toEqual(['limit', 'q']);
      expect(await refused(Search, { limit: 10, q: 'x' })).toEqual([]);
    }
    class Later extends Search {
      @IsInt() page!: number;
    }
    expect(await refused(Later, { limit: 'ten', q: 'x', page: 'one' })).toEqual(['limit', 'page']);
  });
});

describe('queries validated once (KeptQuery)', () => {
  /** How many instances the pipe has made: each counts itself in `made`. */
  let made = 0;
  class Listing {
    @IsOptional() @Type(() => Number) @IsInt() @Min(1) limit?: number;
    @IsOptional() @IsIn(['newest', 'price_asc']) sort?: string;
    @IsInt() made = ++made;
  }
  @KeptQuery()
  class KeptListing extends Listing {}

  const pipe = () => new QueryKeepingValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  const asQuery = (metatype: new () => object): ArgumentMetadata => ({ type: 'query', metatype });

  it('answers the same query with copies of one validated answer', async () => {
    const validation = pipe();
    const first = (await validation.transform({ limit: '5' }, asQuery(KeptListing))) as KeptListing;
    expect(first).toBeInstanceOf(KeptListing);
    expect(first).toMatchObject({ limit: 5 });
    first.limit = 99;
    const again = (await validation.transform({ limit: '5' }, asQuery(KeptListing))) as KeptListing;
    expect(again).toMatchObject({ limit: 5, made: first.made });
    expect(again).toBeInstanceOf(KeptListing);
    const other = (await validation.transform({ limit: '5', sort: 'newest' }, asQuery(KeptListing))) as KeptListing;
    expect(other).toMatchObject({ limit: 5, sort: 'newest', made: first.made + 1 });
  });

  it('refuses an invalid query every time, and validates other classes and the body every time', async () => {
    const validation = pipe();
    for (let round = 0; round < 2; round++) {
      await expect(validation.transform({ limit: '0' }, asQuery(KeptListing))).rejects.toThrow();
      await expect(validation.transform({ limit: '5', extra: 'x' }, asQuery(KeptListing))).rejects.toThrow();
    }
    const plain = (query: object, type: ArgumentMetadata['type']) =>
      validation.transform(query, { type, metatype: type === 'query' ? Listing : KeptListing }) as Promise<Listing>;
    const first = await plain({ limit: '5' }, 'query');
    expect((await plain({ limit: '5' }, 'query')).made).toBe(first.made + 1);
    expect((await plain({ limit: 5 }, 'body')).made).toBe(first.made + 2);
    expect((await plain({ limit: 5 }, 'body')).made).toBe(first.made + 3);
  });

  it('keeps a bounded number of queries, the latest', async () => {
    const validation = pipe();
    const madeFor = async (limit: number) => ((await validation.transform({ limit: String(limit) }, asQuery(KeptListing))) as Listing).made;
    const first = await madeFor(1);
    expect(await madeFor(1)).toBe(first);
    for (let limit = 2; limit <= 1001; limit++) await madeFor(limit);
    expect(await madeFor(1001)).toBe(first + 1000);
    expect(await madeFor(1)).toBe(first + 1001);
  });
});
