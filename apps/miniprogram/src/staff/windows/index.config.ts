export default definePageConfig({ navigationBarTitleText: '订购批次', enablePullDownRefresh: true });
