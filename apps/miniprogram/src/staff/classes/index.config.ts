export default definePageConfig({ navigationBarTitleText: '课堂管理', enablePullDownRefresh: true });
