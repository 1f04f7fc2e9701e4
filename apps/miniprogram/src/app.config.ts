export default defineAppConfig({
  // 「我的」 is the home page; it sends people without a session to the login page.
  pages: [
    'pages/me/index',
    'pages/login/index',
    'pages/bind/index',
    'pages/community/index',
    'pages/windows/index',
    'pages/window/index',
    'pages/orders/index',
    'pages/order/index',
    'pages/allocation/index',
    'pages/volunteer-posts/index',
    'pages/invite/index',
    'pages/messages/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'bindings/index',
        'households/index',
        'household-edit/index',
        'buildings/index',
        'windows/index',
        'window-edit/index',
        'window-stats/index',
        'proxy-order/index',
        'volunteers/index',
        'parcels/index',
        'recruitment/index',
        'recruitment-post/index',
        'pharmacies/index',
        'medicine/index',
        'delivery/index',
        'cash/index',
        'people/index',
        'notices/index',
        'notices-edit/index',
        'notices-reads/index',
        'push-refused/index',
        // classes (staff)
        // contests (staff)
        // quizzes (staff)
        // activities-stats (staff)
        'prizes/index',
      ],
    },
    {
      root: 'volunteer',
      pages: ['tasks/index', 'pool/index', 'squad/index'],
    },
    {
      root: 'medicine',
      pages: ['list/index', 'new/index', 'request/index'],
    },
    {
      root: 'notices',
      pages: ['list/index', 'detail/index'],
    },
    {
      // Online activities for residents: classes, contests, quizzes.
      root: 'activities',
      pages: [
        // classes
        // contests
        // quizzes
        'prizes/index',
      ],
    },
    {
      root: 'pharmacy',
      pages: ['queue/index', 'request/index', 'join/index'],
    },
  ],
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['staff', 'volunteer', 'medicine', 'notices', 'pharmacy', 'activities'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f4',
    navigationBarBackgroundColor: '#1f6f43',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'white',
    // Also shows Taro's title bar (with a back button) in the browser build.
    navigationStyle: 'default',
  },
});
