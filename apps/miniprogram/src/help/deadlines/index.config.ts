export default definePageConfig({ navigationBarTitleText: '响应时限', enablePullDownRefresh: true });
