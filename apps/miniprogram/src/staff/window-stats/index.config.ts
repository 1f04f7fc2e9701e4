export default definePageConfig({ navigationBarTitleText: '批次情况', enablePullDownRefresh: true });
