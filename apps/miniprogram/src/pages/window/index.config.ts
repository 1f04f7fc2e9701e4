export default definePageConfig({ navigationBarTitleText: '选择物资', enablePullDownRefresh: true });
