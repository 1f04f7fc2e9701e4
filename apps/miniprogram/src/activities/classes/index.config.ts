export default definePageConfig({ navigationBarTitleText: '线上课堂', enablePullDownRefresh: true });
