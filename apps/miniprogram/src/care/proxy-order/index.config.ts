export default definePageConfig({ navigationBarTitleText: '代下单', enablePullDownRefresh: true });
