export default definePageConfig({ navigationBarTitleText: '活动参与统计', enablePullDownRefresh: true });
