export default definePageConfig({ navigationBarTitleText: '我的关爱包' });
