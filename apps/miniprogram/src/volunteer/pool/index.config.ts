export default definePageConfig({ navigationBarTitleText: '可接的包裹', enablePullDownRefresh: true });
