export default definePageConfig({ navigationBarTitleText: '关爱台账', enablePullDownRefresh: true });
