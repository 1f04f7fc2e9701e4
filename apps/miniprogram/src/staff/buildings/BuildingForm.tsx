import { useState } from 'react';
import { View } from '@tarojs/components';
import type { StaffBuildingView } from '@linli/shared-types';
import { createBuilding, updateBuilding } from '@/api';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { TextInput } from '@/components/TextInput';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import {
  addUnit,
  buildingForm,
  createRequest,
  renameUnit,
  storedUnit,
  updateRequest,
  validateBuilding,
  type BuildingForm as Form,
} from './form';

interface BuildingFormProps {
  /** The building being changed; null for a new one. */
  building: StaffBuildingView | null;
  /** The community's zones, to pick one with a tap. */
  zones: string[];
  onSaved: (building: StaffBuildingView) => void;
  onCancel?: () => void;
}

/**
 * 新增 / 修改楼栋: its name, its units as large chips (× takes one away, unless households live
 * there; a tap on its name renames it, its households with it), and its zone, picked from the
 * community's or typed. Ids: bd-name, bd-unit-{i}, bd-unit-name-{i}, bd-unit-remove-{i},
 * bd-rename-unit, bd-rename-save, bd-new-unit, bd-add-unit, bd-zone-{i} (0 = 不分片区), bd-zone, bd-submit.
 */
export function BuildingForm({ building, zones, onSaved, onCancel }: BuildingFormProps) {
  const { form, set, errors, setErrors, serverError, check, refused } = useForm<Form>(() => buildingForm(building));
  /** The chip being renamed (tap its name), and the name typed for it. */
  const [renaming, setRenaming] = useState<{ unit: string; to: string } | null>(null);

  const save = useAction(async (_: null, key: string) => {
    const saved = building
      ? await updateBuilding(building.id, updateRequest(building, form), key)
      : await createBuilding(createRequest(form), key);
    onSaved(saved);
    return saved;
  }, refused);

  const submit = () => {
    if (check(validateBuilding(form))) void save.run(null);
  };

  const add = () => {
    const { units, error } = addUnit(form);
    if (error) setErrors({ ...errors, newUnit: error });
    else set({ units, newUnit: '' });
  };

  const rename = () => {
    if (!renaming) return;
    const { units, renames, error } = renameUnit(form, building?.units ?? [], renaming.unit, renaming.to);
    if (error) {
      setErrors({ ...errors, newUnit: error });
      return;
    }
    set({ units, renames });
    setRenaming(null);
  };

  const households = (unit: string) => building?.unitHouseholds[storedUnit(form, unit)] ?? 0;
  const remove = (unit: string) => {
    const n = households(unit);
    if (n > 0) setErrors({ ...errors, units: `${unit}还登记着 ${n} 户住户，不能去掉` });
    else set({ units: form.units.filter((u) => u !== unit) });
  };

  return (
    <View className="card" id="building-form">
      <View className="card-title">{building ? `修改：${building.name}` : '新增楼栋'}</View>
      <TextField
        label="楼栋名称"
        error={errors.name}
        id="bd-name"
        value={form.name}
        maxlength={40}
        placeholder="例如：13栋（只填数字会自动加“栋”）"
        onChange={(name) => set({ name })}
      />
      <Field label="单元" error={errors.units ?? errors.newUnit} hint="点单元名可以改名（住户跟着改）；点 × 可以去掉，有住户的单元不能去掉">
        <View className="bd-chips">
          {form.units.map((unit, i) => (
            <View key={unit} className="bd-chip" id={`bd-unit-${i}`}>
              <View className="bd-chip__name" id={`bd-unit-name-${i}`} onClick={() => setRenaming({ unit, to: unit })}>
                {unit}
              </View>
              {households(unit) > 0 ? <View className="bd-chip__count">{`${households(unit)}户`}</View> : null}
              <View
                className="bd-chip__remove"
                id={`bd-unit-remove-${i}`}
                role="button"
                aria-label={`去掉${unit}`}
                onClick={() => remove(unit)}
              >
                ×
              </View>
            </View>
          ))}
        </View>
        {renaming ? (
          <View className="bd-add-unit">
            <TextInput
              id="bd-rename-unit"
              value={renaming.to}
              maxlength={20}
              placeholder={`把${renaming.unit}改成`}
              onChange={(to) => setRenaming({ ...renaming, to })}
            />
            <Button id="bd-rename-save" size="large" type="primary" onClick={rename}>
              改名
            </Button>
            <Button id="bd-rename-cancel" size="large" fill="outline" onClick={() => setRenaming(null)}>
              取消
            </Button>
          </View>
        ) : (
          <View className="bd-add-unit">
            <TextInput
              id="bd-new-unit"
              value={form.newUnit}
              maxlength={20}
              placeholder="新单元，例如 3单元"
              onChange={(newUnit) => set({ newUnit })}
            />
            <Button id="bd-add-unit" size="large" type="primary" fill="outline" onClick={add}>
              添加单元
            </Button>
          </View>
        )}
      </Field>
      <Field label="封控片区（可不选）" error={errors.zone}>
        <Choices
          idPrefix="bd-zone"
          columns={3}
          options={[{ value: '', label: '不分片区' }, ...zones.map((z) => ({ value: z, label: z }))]}
          selected={[form.zone.trim()]}
          onToggle={(zone) => set({ zone })}
        />
        <View className="gap-top">
          <TextInput
            id="bd-zone"
            value={form.zone}
            maxlength={40}
            placeholder="或填写新的片区，例如 D区"
            onChange={(zone) => set({ zone })}
          />
        </View>
      </Field>
      <FormActions
        error={serverError}
        errorId="building-error"
        cancelId="bd-cancel"
        onCancel={onCancel}
        submitId="bd-submit"
        submitText={building ? '保存' : '新增楼栋'}
        busy={save.busy}
        onSubmit={submit}
      />
    </View>
  );
}
