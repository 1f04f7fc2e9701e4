export default definePageConfig({ navigationBarTitleText: '病人接送', enablePullDownRefresh: true });
