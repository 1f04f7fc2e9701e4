export default definePageConfig({ navigationBarTitleText: '报名审核', enablePullDownRefresh: true });
