export default definePageConfig({ navigationBarTitleText: '知识竞答', enablePullDownRefresh: true });
