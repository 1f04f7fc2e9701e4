export default definePageConfig({ navigationBarTitleText: '登记病人' });
