export default definePageConfig({ navigationBarTitleText: '处理买药登记', enablePullDownRefresh: true });
