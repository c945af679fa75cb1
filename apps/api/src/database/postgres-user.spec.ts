import { foldersOnTheWay } from './postgres-user';

describe(foldersOnTheWay.name, () => {
  it('lists every folder from the root down to the data folder', () => {
    expect(foldersOnTheWay('/root/main/.data/pg')).toEqual(['/', '/root', '/root/main', '/root/main/.data', '/root/main/.data/pg']);
  });

  it('reads a path with a trailing slash or dots as the folder it names', () => {
    expect(foldersOnTheWay('/tmp/x/../qh/')).toEqual(['/', '/tmp', '/tmp/qh']);
    expect(foldersOnTheWay('/')).toEqual(['/']);
  });
});
