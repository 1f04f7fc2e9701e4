export default definePageConfig({ navigationBarTitleText: '登记车辆' });
