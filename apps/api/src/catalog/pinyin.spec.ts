import fc from 'fast-check';
import { pinyinOf, productSlug } from './pinyin';

describe(pinyinOf.name, () => {
  it('gives the full pinyin and the initials of a Chinese title, ignoring other characters', () => {
    expect(pinyinOf('玛瑙红樱桃 2.5公斤')).toEqual({ full: 'manaohongyingtaogongjin', initials: 'mnhytgj' });
  });
});

describe(productSlug.name, () => {
  it('makes a readable slug from the English title and the suffix', () => {
    expect(productSlug('Agate-red cherries, 2.5 kg!', '玛瑙红樱桃', 'a1b2c3d4')).toBe('agate-red-cherries-2-5-kg-a1b2c3d4');
  });

  it('falls back to pinyin when the English title has no Latin letters or digits', () => {
    expect(productSlug('——', '糯谷猪肉', 'ff00ff00')).toBe('nuo-gu-zhu-rou-ff00ff00');
  });

  it('always fits the public slug pattern (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 60 }), fc.stringMatching(/^[0-9a-f]{8}$/), (en, zh, suffix) =>
        /^[a-z0-9-]{1,120}$/.test(productSlug(en, zh, suffix)),
      ),
    );
  });
});
