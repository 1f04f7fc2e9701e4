export default definePageConfig({ navigationBarTitleText: '微信提醒未送达', enablePullDownRefresh: true });
