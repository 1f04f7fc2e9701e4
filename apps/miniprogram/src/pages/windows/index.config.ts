export default definePageConfig({ navigationBarTitleText: '订购物资', enablePullDownRefresh: true });
