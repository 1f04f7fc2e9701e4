export default definePageConfig({ navigationBarTitleText: '课程与报名', enablePullDownRefresh: true });
