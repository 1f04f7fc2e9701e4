import { View } from '@tarojs/components';
import { SQUAD_LABELS, type ParcelView, type VolunteerRow } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { Sheet } from '@/components/Sheet';

/** What the sheet needs of the parcel: its door and who holds it (a staff parcel, or a late one on the board). */
export type AssignTarget = Pick<ParcelView, 'building' | 'unit' | 'room' | 'volunteerId'>;

interface AssignSheetProps {
  parcel: AssignTarget | null;
  volunteers: VolunteerRow[];
  /** The id of the parcel's building, to put the volunteers covering it first. */
  buildingId: number | null;
  busy: boolean;
  /** Volunteers who let this parcel go already (the board's late parcels): marked, and put last. */
  missedBy?: number[];
  onAssign: (volunteerId: number | null) => void;
  onClose: () => void;
}

/**
 * 改派: every volunteer as a big row, those covering the parcel's building and on duty first;
 * tapping one hands the parcel to them (those who let it go already last, marked). 「放回待派」 takes
 * it back to the pool.
 * Ids: assign-sheet, assign-volunteer-{userId}, assign-release, assign-cancel.
 */
export function AssignSheet({ parcel, volunteers, buildingId, busy, missedBy = [], onAssign, onClose }: AssignSheetProps) {
  const covers = (v: VolunteerRow) => buildingId !== null && v.buildingIds.includes(buildingId);
  const missed = (v: VolunteerRow) => missedBy.includes(v.userId);
  const sorted = [...volunteers].sort(
    (a, b) =>
      Number(missed(a)) - Number(missed(b)) ||
      Number(covers(b)) - Number(covers(a)) ||
      Number(b.onDuty) - Number(a.onDuty) ||
      a.openTasks - b.openTasks ||
      a.nickname.localeCompare(b.nickname, 'zh-CN'),
  );
  return (
    <Sheet
      id="assign-sheet"
      visible={parcel !== null}
      title={parcel ? `改派 ${parcel.building} ${parcel.unit} ${parcel.room}` : '改派'}
      onClose={onClose}
    >
      {volunteers.length === 0 ? <View className="empty">社区还没有志愿者</View> : null}
      {sorted.map((v) => {
        const current = parcel?.volunteerId === v.userId;
        return (
          <View
            key={v.userId}
            id={`assign-volunteer-${v.userId}`}
            role="button"
            aria-disabled={busy || current}
            className={current ? 'pc-volunteer pc-volunteer--current' : 'pc-volunteer'}
            onClick={() => {
              if (!busy && !current) onAssign(v.userId);
            }}
          >
            <View className="pc-volunteer__name">{current ? `${v.nickname}（当前负责）` : v.nickname}</View>
            <View className="pc-volunteer__facts">
              {[v.onDuty ? '上岗' : '下岗', `待送 ${v.openTasks} 件`, v.squad ? SQUAD_LABELS[v.squad] : null].filter(Boolean).join(' · ')}
            </View>
            {covers(v) ? <View className="pc-volunteer__facts pc-volunteer__covers">负责这栋楼</View> : null}
            {missed(v) ? <View className="pc-volunteer__facts">这件没有接过</View> : null}
          </View>
        );
      })}
      <View className="button-row gap-top">
        <Button id="assign-cancel" size="large" fill="outline" disabled={busy} onClick={onClose}>
          取消
        </Button>
        {parcel && parcel.volunteerId !== null ? (
          <Button id="assign-release" size="large" type="primary" fill="outline" loading={busy} onClick={() => onAssign(null)}>
            放回待派
          </Button>
        ) : null}
      </View>
    </Sheet>
  );
}
