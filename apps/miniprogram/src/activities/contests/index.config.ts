export default definePageConfig({ navigationBarTitleText: '比赛评选', enablePullDownRefresh: true });
