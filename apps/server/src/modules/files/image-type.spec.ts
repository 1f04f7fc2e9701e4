import { imageType } from './image-type';

describe('imageType', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('image/png');
    expect(imageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(imageType(Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(imageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageType(Buffer.from('GIF89a'))).toBeNull();
    expect(imageType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(imageType(Buffer.alloc(0))).toBeNull();
  });
});
