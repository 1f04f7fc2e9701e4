import { useEffect, type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { rememberPosterCommunity } from '@/api';
import { useElderly } from '@/hooks/useElderly';
import './app.css';
import './elderly.css';

function App({ children }: PropsWithChildren) {
  // Opened from a community's poster: remember which community, for after the sign-in.
  useLaunch((options) => rememberPosterCommunity(options.query as Record<string, string | undefined>));
  const elderly = useElderly();
  // In the browser build every page, dialog and toast lives under <body>: one class there puts
  // them all in elderly mode. WeChat has no such root; its pages add the class to their own.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('elderly', elderly);
  }, [elderly]);
  // children is the page being rendered
  return children;
}

export default App;
