export default definePageConfig({ navigationBarTitleText: '包裹与配送', enablePullDownRefresh: true });
