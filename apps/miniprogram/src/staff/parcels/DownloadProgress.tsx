import { View } from '@tarojs/components';

/** A download the page follows: which file, bytes so far (of how many, when known), done or not. */
export interface DownloadState {
  title: string;
  loaded: number;
  total: number | null;
  done: boolean;
}

/** Whole percent of a download; null while the size is unknown. */
export function downloadPercent(state: Pick<DownloadState, 'loaded' | 'total' | 'done'>): number | null {
  if (state.done) return 100;
  if (state.total === null || state.total <= 0) return null;
  return Math.min(100, Math.floor((state.loaded * 100) / state.total));
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A big progress bar with the percentage written out: a batch of labels is about a megabyte,
 * which takes a while on a weak connection. Ids: download-progress, download-percent.
 */
export function DownloadProgress({ state }: { state: DownloadState }) {
  const percent = downloadPercent(state);
  const size = state.total !== null ? `${megabytes(state.loaded)} / ${megabytes(state.total)}` : megabytes(state.loaded);
  return (
    <View
      id="download-progress"
      className={state.done ? 'dl dl--done' : 'dl'}
      role="progressbar"
      aria-label={state.title}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      data-percent={percent ?? ''}
    >
      <View className="dl__head">
        <View className="dl__title" id="download-title">
          {state.done ? `${state.title}已下载` : `正在下载${state.title}`}
        </View>
        <View className="dl__percent" id="download-percent">
          {percent === null ? '…' : `${percent}%`}
        </View>
      </View>
      <View className="dl__track">
        <View className="dl__bar" style={{ width: `${percent ?? 0}%` }} />
      </View>
      <View className="muted">
        {state.done
          ? process.env.TARO_ENV === 'h5'
            ? '已保存到下载文件夹，打开后即可打印'
            : '已打开文件，点右上角可打印或转发'
          : state.loaded > 0
            ? `已下载 ${size}`
            : '正在生成文件，请稍候'}
      </View>
    </View>
  );
}
