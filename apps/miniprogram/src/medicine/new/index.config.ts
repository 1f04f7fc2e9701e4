export default definePageConfig({ navigationBarTitleText: '登记买药', enablePullDownRefresh: true });
