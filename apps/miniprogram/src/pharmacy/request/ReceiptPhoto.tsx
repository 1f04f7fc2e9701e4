import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { PickedFile } from '@/api';

/** The receipt photo of a bought request, tap to enlarge. */
export function ReceiptPhoto({ src }: { src: string }) {
  return (
    <View className="card" id="req-receipt-photo">
      <View className="card-title">购药小票</View>
      <View className="ph-photo" onClick={() => void Taro.previewImage({ urls: [src], current: src }).catch(() => undefined)}>
        <Image className="ph-photo__img" src={src} mode="widthFix" />
      </View>
    </View>
  );
}

/** Something an <Image> can show for a picked file: its temp path, or an object URL in the browser. */
export function useObjectUrl(file: PickedFile | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return undefined;
    }
    if (file.kind === 'path') {
      setUrl(file.path);
      return undefined;
    }
    const href = URL.createObjectURL(file.file);
    setUrl(href);
    return () => URL.revokeObjectURL(href);
  }, [file]);
  return url;
}
