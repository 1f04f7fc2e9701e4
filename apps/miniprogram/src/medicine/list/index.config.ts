export default definePageConfig({ navigationBarTitleText: '买药登记', enablePullDownRefresh: true });
