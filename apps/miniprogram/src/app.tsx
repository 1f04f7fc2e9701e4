import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { rememberPosterCommunity } from '@/api';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Opened from a community's poster: remember which community, for after the sign-in.
  useLaunch((options) => rememberPosterCommunity(options.query as Record<string, string | undefined>));
  // children is the page being rendered
  return children;
}

export default App;
