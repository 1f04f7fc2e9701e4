export default definePageConfig({ navigationBarTitleText: '订物资' });
