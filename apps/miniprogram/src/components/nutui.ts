/**
 * The NutUI components the app uses, each with its own stylesheet, so that only these are
 * bundled (importing NutUI's full stylesheet would add every component's CSS to the main
 * package). Pages import NutUI from here, never from the package directly.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/overlay/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/style.css';

export { Button, Dialog } from '@nutui/nutui-react-taro';
