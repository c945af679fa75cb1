import { filtersFromQuery, productListQuery, type CatalogFilters } from './listing';

const none: CatalogFilters = { q: '', certified: false, inSeason: false, township: '', sort: 'newest' };

describe('productListQuery', () => {
  it('asks for the chosen filters only, in the order the storefront sends them', () => {
    expect(productListQuery(none)).toBe('sort=newest');
    expect(productListQuery({ q: '茶', certified: true, inSeason: true, township: '520525202', sort: 'price_asc' }, 'TEA')).toBe(
      'category=TEA&q=%E8%8C%B6&certified=true&inSeason=true&township=520525202&sort=price_asc',
    );
  });

  it('encodes the search text so that it cannot end the value or the attribute it is written into', () => {
    expect(productListQuery({ ...none, q: 'a&sort=x"<b> c+d', sort: 'relevance' })).toBe('q=a%26sort%3Dx%22%3Cb%3E%20c%2Bd&sort=relevance');
  });

  it("is the listing a page's address asks for, as the app reads the address", () => {
    expect(productListQuery(filtersFromQuery({ q: ' 樱桃 ', from: 'singlemessage', sort: 'relevance' }))).toBe(
      'q=%E6%A8%B1%E6%A1%83&sort=relevance',
    );
    expect(productListQuery(filtersFromQuery({ sort: 'relevance', township: '440106' }))).toBe('sort=newest');
  });
});
