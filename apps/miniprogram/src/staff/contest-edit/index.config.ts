export default definePageConfig({ navigationBarTitleText: '新建比赛' });
