export default definePageConfig({ navigationBarTitleText: '我的服务时长', enablePullDownRefresh: true });
