export default definePageConfig({ navigationBarTitleText: '包保小组', enablePullDownRefresh: true });
