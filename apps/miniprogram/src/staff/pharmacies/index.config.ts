export default definePageConfig({ navigationBarTitleText: '药房管理', enablePullDownRefresh: true });
