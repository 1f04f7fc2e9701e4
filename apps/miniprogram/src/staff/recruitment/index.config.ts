export default definePageConfig({ navigationBarTitleText: '志愿者招募', enablePullDownRefresh: true });
