export default definePageConfig({ navigationBarTitleText: '竞答管理', enablePullDownRefresh: true });
