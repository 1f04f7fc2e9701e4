import { proxyName } from './proxy-messages';

describe('proxyName: the proxy as the household knows them', () => {
  it('a 家属 by the relation and name she bound with', () => {
    expect(proxyName('family', 'fang', { relation: '女儿', name: '王芳' })).toBe('您的女儿 王芳');
  });
  it('a 家属 without a binding row left falls back to the nickname', () => {
    expect(proxyName('family', '小芳', null)).toBe('您的家属 小芳');
  });
  it('grid workers and staff by their role', () => {
    expect(proxyName('grid_worker', '张三', null)).toBe('网格员 张三');
    expect(proxyName('staff', '陈晓燕', null)).toBe('社区工作人员 陈晓燕');
  });
});
