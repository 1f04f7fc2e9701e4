export default definePageConfig({ navigationBarTitleText: '联系记录' });
