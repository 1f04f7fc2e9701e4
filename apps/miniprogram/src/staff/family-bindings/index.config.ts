export default definePageConfig({ navigationBarTitleText: '家属绑定审核', enablePullDownRefresh: true });
