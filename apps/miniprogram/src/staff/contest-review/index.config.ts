export default definePageConfig({ navigationBarTitleText: '审核作品', enablePullDownRefresh: true });
