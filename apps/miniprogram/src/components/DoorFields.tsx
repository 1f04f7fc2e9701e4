import { View } from '@tarojs/components';
import type { BuildingView } from '@linli/shared-types';
import { unitAfterChoosing, unitOptions, type Door } from '@/utils/door';
import { Choices } from './Choices';
import { Field, TextField } from './Field';

interface DoorFieldsProps {
  /** Ids: `${idPrefix}-building-N`, `${idPrefix}-unit-N`, `${idPrefix}-room`. */
  idPrefix: string;
  /** null while they load. */
  buildings: BuildingView[] | null;
  door: Door;
  errors: Partial<Record<keyof Door, string>>;
  /** The fields changed; `building` is given when a building was chosen. */
  onChange: (patch: Partial<Door>, building?: BuildingView) => void;
  roomHint?: string;
  roomPlaceholder: string;
}

/** 楼栋, then 单元 (once a building is chosen), then 房号: the door of a household. */
export function DoorFields({ idPrefix, buildings, door, errors, onChange, roomHint, roomPlaceholder }: DoorFieldsProps) {
  const building = buildings?.find((b) => b.id === door.buildingId) ?? null;

  const chooseBuilding = (id: number) => {
    const chosen = buildings?.find((b) => b.id === id);
    onChange({ buildingId: id, unit: unitAfterChoosing(chosen) }, chosen);
  };

  return (
    <>
      <Field label="楼栋" error={errors.buildingId}>
        {buildings === null ? (
          <View className="muted">正在加载楼栋…</View>
        ) : (
          <Choices
            idPrefix={`${idPrefix}-building`}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
            selected={door.buildingId === null ? [] : [door.buildingId]}
            onToggle={chooseBuilding}
          />
        )}
      </Field>
      {building ? (
        <Field label="单元" error={errors.unit}>
          <Choices
            idPrefix={`${idPrefix}-unit`}
            columns={3}
            options={unitOptions(building, door.unit).map((u) => ({ value: u, label: u }))}
            selected={[door.unit]}
            onToggle={(unit) => onChange({ unit })}
          />
        </Field>
      ) : null}
      <TextField
        label="房号"
        error={errors.room}
        hint={roomHint}
        id={`${idPrefix}-room`}
        value={door.room}
        onChange={(room) => onChange({ room })}
        placeholder={roomPlaceholder}
        maxlength={10}
      />
    </>
  );
}
