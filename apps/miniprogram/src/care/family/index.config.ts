export default definePageConfig({ navigationBarTitleText: '我代办的家庭', enablePullDownRefresh: true });
