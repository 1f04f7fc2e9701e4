export default definePageConfig({ navigationBarTitleText: '发放奖品' });
