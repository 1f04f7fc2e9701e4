export default definePageConfig({ navigationBarTitleText: '求助看板', enablePullDownRefresh: true });
