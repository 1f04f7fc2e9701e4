import { beijingTime, cut, fieldTypeOf, fitField } from './subscribe-fields';

describe('subscribe-message values fitted to WeChat rules', () => {
  it('reads the type from the keyword', () => {
    expect(fieldTypeOf('thing1')).toBe('thing');
    expect(fieldTypeOf('character_string12')).toBe('character_string');
    expect(fieldTypeOf('phone_number3')).toBe('phone_number');
    expect(fieldTypeOf('thing')).toBeNull();
    expect(fieldTypeOf('colour1')).toBeNull();
  });

  it('cuts a thing to 20 characters with 「…」, counting characters, not bytes', () => {
    const long = '您申请的药品已经报价请在二十四小时内确认否则报价失效';
    const fitted = fitField('thing', long);
    expect(Array.from(fitted)).toHaveLength(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitted.startsWith('您申请的药品已经报价请在二十四小时内')).toBe(true);
    expect(fitField('thing', '药品已报价')).toBe('药品已报价');
    expect(fitField('thing', 'x'.repeat(20))).toBe('x'.repeat(20));
    expect(Array.from(cut('😀'.repeat(25), 20))).toHaveLength(20);
  });

  it('folds line breaks and never sends an empty thing', () => {
    expect(fitField('thing', '第一行\n第二行')).toBe('第一行 第二行');
    expect(fitField('thing', '   ')).toBe('无');
  });

  it('keeps a phrase to 5 Chinese characters only', () => {
    expect(fitField('phrase', '已报价')).toBe('已报价');
    expect(fitField('phrase', '报价OK已完成请查看')).toBe('报价已完成');
    expect(fitField('phrase', 'OK')).toBe('通知');
  });

  it('keeps a character_string to 32 letters, digits and symbols', () => {
    expect(fitField('character_string', 'LL-2022 0427-订单-0001')).toBe('LL-20220427--0001');
    expect(fitField('character_string', 'A'.repeat(40))).toHaveLength(32);
  });

  it('writes times and dates in Beijing time as WeChat shows them', () => {
    const at = new Date('2022-04-27T07:01:00Z');
    expect(fitField('time', at)).toBe('2022年4月27日 15:01');
    expect(fitField('date', at)).toBe('2022年4月27日');
    expect(beijingTime(new Date('2022-04-27T16:30:00Z'))).toBe('2022年4月28日 00:30');
  });

  it('writes amounts as a number with 元, numbers as digits, names short', () => {
    expect(fitField('amount', '合计 39.90 元')).toBe('39.90元');
    expect(fitField('amount', '免费')).toBe('0元');
    expect(fitField('number', '第 3 份')).toBe('3');
    expect(fitField('name', '欧阳娜娜娜娜娜娜娜娜娜')).toHaveLength(10);
    expect(fitField('name', 'Alexander Hamilton-Burr')).toHaveLength(20);
    expect(fitField('phone_number', '138 0013 8000')).toBe('13800138000');
  });
});
