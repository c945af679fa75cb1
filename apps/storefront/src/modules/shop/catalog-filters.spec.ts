import { describe, expect, it } from 'vitest';
import { filtersFromQuery, productQuery, queryFromFilters, sortsFor, type CatalogFilters } from './catalog-filters';

const none: CatalogFilters = { q: '', certified: false, inSeason: false, township: '', sort: 'newest' };

describe('filtersFromQuery', () => {
  it('reads every filter from the address', () => {
    expect(filtersFromQuery({ q: '樱桃', certified: 'true', inSeason: 'true', township: '520525202', sort: 'price_asc' })).toEqual({
      q: '樱桃',
      certified: true,
      inSeason: true,
      township: '520525202',
      sort: 'price_asc',
    });
  });

  it('falls back to no filters, newest first, for an empty address', () => {
    expect(filtersFromQuery({})).toEqual(none);
  });

  it('sorts a search by relevance unless told otherwise', () => {
    expect(filtersFromQuery({ q: 'yingtao' }).sort).toBe('relevance');
  });

  it('ignores hand-edited values it cannot use', () => {
    expect(filtersFromQuery({ certified: 'yes', township: '440106', sort: 'cheapest' })).toEqual(none);
    // Relevance needs a search text; the API refuses it without one.
    expect(filtersFromQuery({ sort: 'relevance' }).sort).toBe('newest');
  });

  it('trims the search text and keeps it within the API limit', () => {
    expect(filtersFromQuery({ q: '  茶  ' }).q).toBe('茶');
    expect(filtersFromQuery({ q: 'x'.repeat(80) }).q).toHaveLength(50);
  });

  it('takes the first of repeated parameters', () => {
    expect(filtersFromQuery({ q: ['茶', '蛋'] }).q).toBe('茶');
  });
});

describe('queryFromFilters', () => {
  it('puts only what differs from the defaults in the address', () => {
    expect(queryFromFilters(none)).toEqual({});
    expect(queryFromFilters({ ...none, q: '茶', sort: 'relevance' })).toEqual({ q: '茶' });
    expect(queryFromFilters({ ...none, certified: true, township: '520525202', sort: 'price_desc' })).toEqual({
      certified: 'true',
      township: '520525202',
      sort: 'price_desc',
    });
  });

  it('round-trips through the address', () => {
    const filters: CatalogFilters = { q: '鸡蛋', certified: true, inSeason: true, township: '520525107', sort: 'price_asc' };
    expect(filtersFromQuery(queryFromFilters(filters) as Record<string, string>)).toEqual(filters);
  });
});

describe('productQuery', () => {
  it('asks the API for exactly the chosen filters', () => {
    expect(productQuery({ q: '茶', certified: true, inSeason: false, township: '520525202', sort: 'price_asc' }, 'TEA')).toEqual({
      category: 'TEA',
      q: '茶',
      certified: 'true',
      inSeason: undefined,
      township: '520525202',
      sort: 'price_asc',
    });
  });

  it('sends no filter the shopper did not choose', () => {
    const query = productQuery(none);
    expect(Object.entries(query).filter(([, value]) => value !== undefined)).toEqual([['sort', 'newest']]);
  });
});

describe('sortsFor', () => {
  it('offers relevance only for a search', () => {
    expect(sortsFor('')).toEqual(['newest', 'price_asc', 'price_desc']);
    expect(sortsFor('茶')).toEqual(['relevance', 'newest', 'price_asc', 'price_desc']);
  });
});
