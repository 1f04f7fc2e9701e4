/**
 * NutUI's date picker with its stylesheets, for the window form only: imported from this
 * subpackage (not components/nutui.ts) so neither its code nor its CSS lands in the main package.
 * The popup's overlay stylesheet comes with components/nutui.ts (the dialogs use it too).
 */
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/pickerview/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/picker/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/style.css';

export { DatePicker } from '@nutui/nutui-react-taro';
