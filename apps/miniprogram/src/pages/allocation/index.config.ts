export default definePageConfig({ navigationBarTitleText: '抽签结果', enablePullDownRefresh: true });
