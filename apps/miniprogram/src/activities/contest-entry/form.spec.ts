import { describe, expect, it } from '@jest/globals';
import { emptyEntry, validateEntry } from './form';

describe('the entry form', () => {
  it('asks a photo contest for a picture and a name', () => {
    expect(validateEntry(emptyEntry, 'photo').errors).toEqual({ title: '请写作品名称（60 个字以内）', pictures: '请至少上传一张图片' });
    const { body } = validateEntry({ ...emptyEntry, title: ' 花 ', pictures: [{ id: 3, url: '/x' }] }, 'photo');
    expect(body).toEqual({ title: '花', caption: '', pictureIds: [3] });
  });

  it('asks a video contest for an https link and an essay for ten characters', () => {
    expect(validateEntry({ ...emptyEntry, title: '视频', videoUrl: 'http://v.cn/1' }, 'video').errors.videoUrl).toBe(
      '请填写以 https:// 开头的视频链接',
    );
    expect(validateEntry({ ...emptyEntry, title: '视频', videoUrl: ' https://v.cn/1 ' }, 'video').body).toEqual({
      title: '视频',
      caption: '',
      videoUrl: 'https://v.cn/1',
    });
    expect(validateEntry({ ...emptyEntry, title: '征文', caption: '太短了' }, 'essay').errors.caption).toBe('征文至少要 10 个字');
  });
});
