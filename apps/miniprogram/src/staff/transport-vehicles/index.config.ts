export default definePageConfig({ navigationBarTitleText: '接送车辆', enablePullDownRefresh: true });
