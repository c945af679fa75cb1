import { uuidParam } from './uuid-param';

describe('uuidParam', () => {
  const pipe = uuidParam('PRODUCT_NOT_FOUND', 'No such product.');
  const metadata = { type: 'param' as const };

  it('hands an id on in lower case, as the database writes ids', async () => {
    await expect(pipe.transform('F2764919-C9C3-41B3-8B5D-EA59E6D18357', metadata)).resolves.toBe('f2764919-c9c3-41b3-8b5d-ea59e6d18357');
  });

  it('answers anything else as the not-found of its route', async () => {
    await expect(pipe.transform('not-a-uuid', metadata)).rejects.toMatchObject({ code: 'PRODUCT_NOT_FOUND', status: 404 });
  });
});
