/**
 * What `@tarojs/taro` resolves to in the mini-program's unit tests (jest.config.ts): Taro's
 * runtime needs a mini-program or a browser. Code under test is given its storage and API, so
 * nothing here is called; a call that slips through fails loudly instead of doing something.
 */
const Taro = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`Taro.${String(name)} is not available in unit tests: pass the dependency in`);
    },
  },
);

export default Taro;
