import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { HELP_PHOTOS_MAX, type FileView } from '@linli/shared-types';
import { errorMessage, fileUrl, pickPhoto, uploadHelpPhoto, type PickedFile } from '@/api';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';

interface PhotoPickerProps {
  idPrefix: string;
  photos: FileView[];
  onChange: (photos: FileView[]) => void;
  onError: (message: string) => void;
  addLabel?: string;
}

/** Up to HELP_PHOTOS_MAX pictures, each uploaded (purpose `help`) as it is taken; ids {idPrefix}-add, {idPrefix}-{n}, {idPrefix}-{n}-remove. */
export function PhotoPicker({ idPrefix, photos, onChange, onError, addLabel = '拍照片（可不拍）' }: PhotoPickerProps) {
  const upload = useAction(
    async (picked: PickedFile, key: string) => {
      const file = await uploadHelpPhoto(picked, key);
      onChange([...photos, file]);
      onError('');
      return file;
    },
    (error) => {
      onError(errorMessage(error));
      return true;
    },
  );

  const add = async () => {
    if (photos.length >= HELP_PHOTOS_MAX || upload.busy) return;
    const picked = await pickPhoto();
    if (picked) void upload.run(picked);
  };

  const urls = photos.map((p) => fileUrl(p.url));
  return (
    <View>
      {photos.length > 0 ? (
        <View className="hp-photos">
          {photos.map((photo, n) => (
            <View key={photo.id} className="hp-photo" id={`${idPrefix}-${n}`}>
              <Image
                className="hp-photo__image"
                src={fileUrl(photo.url)}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls, current: fileUrl(photo.url) }).catch(() => undefined)}
              />
              <View
                id={`${idPrefix}-${n}-remove`}
                role="button"
                aria-label="删掉这张照片"
                className="hp-photo__remove"
                onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
              >
                ×
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {photos.length < HELP_PHOTOS_MAX ? (
        <View className="gap-top">
          <Button id={`${idPrefix}-add`} size="large" block fill="outline" loading={upload.busy} onClick={() => void add()}>
            {photos.length === 0 ? addLabel : `再拍一张（最多 ${HELP_PHOTOS_MAX} 张）`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** Pictures already sent: tap to enlarge. */
export function PhotoRow({ idPrefix, urls }: { idPrefix: string; urls: string[] }) {
  if (urls.length === 0) return null;
  const full = urls.map(fileUrl);
  return (
    <View className="hp-photos gap-top">
      {full.map((url, n) => (
        <View key={url} className="hp-photo" onClick={() => void Taro.previewImage({ urls: full, current: url }).catch(() => undefined)}>
          <Image id={`${idPrefix}-${n}`} className="hp-photo__image" src={url} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
