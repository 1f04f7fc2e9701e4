export default definePageConfig({ navigationBarTitleText: '药房待办', enablePullDownRefresh: true });
