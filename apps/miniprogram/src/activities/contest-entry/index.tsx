import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Textarea, View } from '@tarojs/components';
import { CONTEST_KINDS, MAX_ENTRY_PICTURES, type ContestEntryRequest, type ContestKind } from '@linli/shared-types';
import { askSubscribe, enterContest, errorMessage, fileUrl, pickPhoto, prepareSubscribe, uploadPhoto, type PickedFile } from '@/api';
import { Button } from '@/components/nutui';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { emptyEntry, validateEntry, type EntryForm, type EntryFormErrors } from './form';
import '../contests.css';
import { usePageClass } from '@/hooks/useElderly';

/** 提交作品: pictures and a caption (or a video link, or an essay); it shows as 审核中 until checked. */
export default function ContestEntryPage() {
  const pageClass = usePageClass();
  const params = useRouter().params;
  const contestId = Number(params.id);
  const kind: ContestKind = (CONTEST_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as ContestKind) : 'photo';
  const withPictures = kind === 'photo' || kind === 'drawing';
  const { form, setForm, set, errors, serverError, setServerError, check, refused } = useForm<EntryForm, keyof EntryFormErrors>(emptyEntry);
  useEffect(() => prepareSubscribe('activity'), []);

  const upload = useAction(
    async (picked: PickedFile, key: string) => {
      const file = await uploadPhoto(picked, 'contest', key);
      setForm((prev) => ({ ...prev, pictures: [...prev.pictures, { id: file.id, url: file.url }] }));
      return file;
    },
    (error) => {
      setServerError(errorMessage(error));
      return true;
    },
  );

  const submit = useAction(async (body: ContestEntryRequest, key: string) => {
    const entry = await enterContest(contestId, body, key);
    await Taro.showToast({ title: '已提交，审核中', icon: 'success' });
    await Taro.navigateBack();
    return entry;
  }, refused);

  const onSubmit = () => {
    askSubscribe('activity');
    const { errors: found, body } = validateEntry(form, kind);
    if (check(found) && body) void submit.run(body);
  };

  const addPicture = async () => {
    if (form.pictures.length >= MAX_ENTRY_PICTURES || upload.busy) return;
    const picked = await pickPhoto();
    if (picked) void upload.run(picked);
  };

  return (
    <View className={pageClass}>
      <Field label="作品名称" error={errors.title}>
        <TextInput
          id="entry-title"
          value={form.title}
          maxlength={60}
          onChange={(title) => set({ title })}
          placeholder="例如：阳台上的春天"
        />
      </Field>
      {withPictures ? (
        <Field label={`图片（最多 ${MAX_ENTRY_PICTURES} 张）`} error={errors.pictures}>
          {form.pictures.length > 0 ? (
            <View className="ce-photos">
              {form.pictures.map((p, n) => (
                <View key={p.id} className="ce-photo" id={`entry-picture-${n}`}>
                  <Image className="ce-photo__image" src={fileUrl(p.url)} mode="aspectFill" />
                  <View
                    id={`entry-picture-${n}-remove`}
                    role="button"
                    aria-label="删掉这张图片"
                    className="ce-photo__remove"
                    onClick={() => set({ pictures: form.pictures.filter((x) => x.id !== p.id) })}
                  >
                    ×
                  </View>
                </View>
              ))}
            </View>
          ) : null}
          {form.pictures.length < MAX_ENTRY_PICTURES ? (
            <View className="gap-top">
              <Button id="entry-add-picture" size="large" block fill="outline" loading={upload.busy} onClick={() => void addPicture()}>
                添加图片
              </Button>
            </View>
          ) : null}
        </Field>
      ) : null}
      {kind === 'video' ? (
        <Field label="视频链接" error={errors.videoUrl} hint="视频号、腾讯视频等的分享链接">
          <TextInput
            id="entry-video"
            value={form.videoUrl}
            maxlength={500}
            onChange={(videoUrl) => set({ videoUrl })}
            placeholder="https://"
          />
        </Field>
      ) : null}
      <Field label={kind === 'essay' ? '正文' : '作品说明（可不写）'} error={errors.caption}>
        <Textarea
          id="entry-caption"
          className="textarea"
          value={form.caption}
          maxlength={2000}
          placeholder={kind === 'essay' ? '写下您的文章' : '说说这件作品'}
          placeholderClass="input-placeholder"
          onInput={(e) => set({ caption: e.detail.value })}
        />
      </Field>
      <View className="muted">提交后先经过审核，通过后邻居们才能看到。</View>
      {serverError ? (
        <View id="entry-error" className="error-text">
          {serverError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="entry-submit" type="primary" size="large" block loading={submit.busy} onClick={onSubmit}>
          提交
        </Button>
      </View>
    </View>
  );
}
