export default definePageConfig({ navigationBarTitleText: '需要接送的病人', enablePullDownRefresh: true });
