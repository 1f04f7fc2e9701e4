export default definePageConfig({ navigationBarTitleText: '比赛管理', enablePullDownRefresh: true });
