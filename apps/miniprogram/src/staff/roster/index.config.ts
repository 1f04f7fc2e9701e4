export default definePageConfig({ navigationBarTitleText: '岗位与排班', enablePullDownRefresh: true });
