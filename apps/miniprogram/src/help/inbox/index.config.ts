export default definePageConfig({ navigationBarTitleText: '求助待处理', enablePullDownRefresh: true });
