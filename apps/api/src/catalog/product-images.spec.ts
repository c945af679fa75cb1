import fc from 'fast-check';
import { detectImageType } from './product-images';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe(detectImageType.name, () => {
  it('knows a JPEG, a PNG and a WebP by their first bytes', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1))).toBe('jpeg');
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))).toBe('png');
    expect(detectImageType(Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L', 'latin1'))).toBe('webp');
  });

  it('refuses GIF, SVG, HTML and other RIFF files such as WAV', () => {
    expect(detectImageType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectImageType(Buffer.from('RIFF\x1a\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
  });

  it('refuses a file too short to be an image', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff))).toBeNull();
    expect(detectImageType(bytes())).toBeNull();
  });

  it('never calls text an image (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => detectImageType(Buffer.from(text, 'utf8')) === null));
  });
});
