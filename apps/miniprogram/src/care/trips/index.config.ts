export default definePageConfig({ navigationBarTitleText: '家人接送', enablePullDownRefresh: true });
