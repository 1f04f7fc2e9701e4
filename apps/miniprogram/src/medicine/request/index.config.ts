export default definePageConfig({ navigationBarTitleText: '买药详情', enablePullDownRefresh: true });
