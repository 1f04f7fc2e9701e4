export default definePageConfig({ navigationBarTitleText: '代收货款对账', enablePullDownRefresh: true });
