import { Image, View } from '@tarojs/components';
import './QrOverlay.css';

interface QrOverlayProps {
  id: string;
  /** The code's picture (a data URL from the server). */
  image: string;
  /** What to do with it, under the code: 送货上门时请出示此码. */
  hint: string;
  /** More lines under the hint (有效期至 …). */
  note?: string;
  onClose: () => void;
}

/** A hand-over code full screen, white around it, for a volunteer to scan from the doorway; any tap closes it. */
export function QrOverlay({ id, image, hint, note, onClose }: QrOverlayProps) {
  return (
    <View className="qr-overlay" id={id} onClick={onClose}>
      <Image id={`${id}-image`} className="qr-overlay__image" src={image} mode="scaleToFill" />
      <View className="qr-overlay__hint">{hint}</View>
      {note ? <View className="qr-overlay__note">{note}</View> : null}
      <View className="qr-overlay__close">点任意处关闭</View>
    </View>
  );
}
