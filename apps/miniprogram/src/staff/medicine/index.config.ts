export default definePageConfig({ navigationBarTitleText: '买药登记（社区）', enablePullDownRefresh: true });
