export default definePageConfig({ navigationBarTitleText: '新增题目' });
