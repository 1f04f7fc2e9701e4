export default definePageConfig({ navigationBarTitleText: '药房工作人员', enablePullDownRefresh: true });
