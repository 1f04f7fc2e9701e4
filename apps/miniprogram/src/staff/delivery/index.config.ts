export default definePageConfig({ navigationBarTitleText: '配送看板', enablePullDownRefresh: true });
