export default definePageConfig({ navigationBarTitleText: '订单与包裹', enablePullDownRefresh: true });
