import { Image, View } from '@tarojs/components';
import type { ContestEntryView, ContestMode, MyContestEntryView } from '@linli/shared-types';
import { fileUrl } from '@/api';
import { figureOf } from '../contest-texts';

interface EntryCardProps {
  entry: ContestEntryView | MyContestEntryView;
  mode: ContestMode;
  idPrefix: string;
  children?: React.ReactNode;
}

/** An entry: its title, pictures (or video link, or essay), door and votes; my own with its state. */
export function EntryCard({ entry, mode, idPrefix, children }: EntryCardProps) {
  const state = 'state' in entry ? entry : null;
  return (
    <View id={idPrefix} className="card">
      <View className="card-title">{entry.title}</View>
      {state ? (
        <View id={`${idPrefix}-state`} className={`contest-state contest-state--${state.state}`}>
          {state.stateLabel}
          {state.rejectReason ? `：${state.rejectReason}` : ''}
        </View>
      ) : (
        <View className="muted">{entry.door}</View>
      )}
      {entry.pictures.length > 0 ? (
        <View className="contest-photos">
          {entry.pictures.map((p) => (
            <Image key={p.fileId} className="contest-photo" src={fileUrl(p.url)} mode="aspectFill" />
          ))}
        </View>
      ) : null}
      {entry.videoUrl ? <View className="muted">视频：{entry.videoUrl}</View> : null}
      {entry.caption ? <View className="contest-rules">{entry.caption}</View> : null}
      {state && state.state !== 'APPROVED' ? null : (
        <View id={`${idPrefix}-votes`} className="contest-votes">
          {figureOf(mode, entry.votes, entry.averageScore)}
        </View>
      )}
      {children}
    </View>
  );
}
