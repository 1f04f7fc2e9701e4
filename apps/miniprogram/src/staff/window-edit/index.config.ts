export default definePageConfig({ navigationBarTitleText: '新建批次' });
