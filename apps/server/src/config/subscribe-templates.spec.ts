import { loadConfig } from './config';
import { parseSubscribeTemplates, SubscribeTemplatesError } from './subscribe-templates';

const wechat = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };

describe('WECHAT_SUBSCRIBE_TEMPLATES', () => {
  it('is optional: without it messages stay in the app', () => {
    expect(loadConfig({ ...wechat }).subscribeTemplates).toBeNull();
  });

  it('reads kinds, template ids and keyword sources', () => {
    const json = JSON.stringify({
      'medicine.quoted': { templateId: 'TPL-1_a', fields: { thing1: 'title', time2: 'deadline', phrase3: { text: '待确认' } } },
    });
    expect(loadConfig({ ...wechat, WECHAT_SUBSCRIBE_TEMPLATES: json }).subscribeTemplates).toEqual({
      'medicine.quoted': { templateId: 'TPL-1_a', fields: { thing1: 'title', time2: 'deadline', phrase3: { text: '待确认' } } },
    });
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    [
      'an unknown kind',
      JSON.stringify({ 'medicine.quotd': { templateId: 'T', fields: { thing1: 'title' } } }),
      /"medicine.quotd" is not a message kind/,
    ],
    ['no template id', JSON.stringify({ 'medicine.quoted': { fields: { thing1: 'title' } } }), /needs a templateId/],
    ['no fields', JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: {} } }), /needs fields/],
    [
      'a keyword of no type',
      JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: { colour1: 'title' } } }),
      /not a WeChat keyword/,
    ],
    ['an unknown source', JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: { thing1: 'name' } } }), /must be one of/],
    [
      'text into a time',
      JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: { time1: 'title' } } }),
      /takes deadline or sentAt/,
    ],
    ['a time into a phrase', JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: { phrase1: 'deadline' } } }), /not phrase/],
  ])('refuses %s with a readable reason', (_, value, reason) => {
    expect(() => loadConfig({ ...wechat, WECHAT_SUBSCRIBE_TEMPLATES: value })).toThrow(reason);
  });

  it('refuses one template given different keywords for two kinds', () => {
    expect(() =>
      parseSubscribeTemplates({
        'parcel.failed': { templateId: 'P', fields: { thing1: 'title', thing2: 'body' } },
        'parcel.picked_up': { templateId: 'P', fields: { thing1: 'title' } },
      }),
    ).toThrow(SubscribeTemplatesError);
  });

  it('needs WeChat credentials', () => {
    const json = JSON.stringify({ 'medicine.quoted': { templateId: 'T', fields: { thing1: 'title' } } });
    expect(() => loadConfig({ WECHAT_SUBSCRIBE_TEMPLATES: json })).toThrow(/needs WECHAT_APPID/);
  });

  it('reads a file, and says when it cannot', () => {
    expect(() => loadConfig({ ...wechat, WECHAT_SUBSCRIBE_TEMPLATES_FILE: '/nonexistent/templates.json' })).toThrow(/cannot read/);
  });
});
