import { View } from '@tarojs/components';
import type { AddDoorsRequest, StaffBuildingView } from '@linli/shared-types';
import { addDoors } from '@/api';
import { Choices } from '@/components/Choices';
import { Field, TextField } from '@/components/Field';
import { FormActions } from '@/components/FormActions';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { doorsForm, doorsPreview, doorsRequest, type DoorsForm as Form } from './form';

interface DoorsFormProps {
  building: StaffBuildingView;
  /** What was added, to say on the page. */
  onAdded: (message: string) => void;
  onCancel: () => void;
}

/**
 * 添加门牌: doors of one unit, floor by floor (6 层 × 4 户 → 101…604) or one door by its
 * number. Each door becomes a household residents can bind to. Ids: doors-unit-{i},
 * doors-mode-floors / doors-mode-single, doors-floors, doors-per-floor, doors-room, doors-preview, doors-submit.
 */
export function DoorsForm({ building, onAdded, onCancel }: DoorsFormProps) {
  const { form, set, errors, serverError, check, refused } = useForm<Form>(() => doorsForm(building));

  const add = useAction(async (body: AddDoorsRequest, key: string) => {
    const result = await addDoors(building.id, body, key);
    const skipped = result.existing.length > 0 ? `，${result.existing.length} 户原来就有` : '';
    onAdded(`已添加 ${result.created} 户${skipped}`);
    return result;
  }, refused);

  const submit = () => {
    const { errors: found, body } = doorsRequest(form);
    if (check(found) && body) void add.run(body);
  };

  const preview = doorsPreview(form);

  return (
    <View className="card" id="doors-form">
      <View className="card-title">{`${building.name} 添加门牌`}</View>
      <Field label="单元" error={errors.unit}>
        <Choices
          idPrefix="doors-unit"
          columns={3}
          options={building.units.map((u) => ({ value: u, label: u }))}
          selected={[form.unit]}
          onToggle={(unit) => set({ unit })}
        />
      </Field>
      <Field label="怎么添加">
        <Segments
          idPrefix="doors-mode"
          options={[
            { value: 'floors', label: '按楼层批量' },
            { value: 'single', label: '单个门牌' },
          ]}
          value={form.mode}
          onChange={(mode) => set({ mode })}
        />
      </Field>
      {form.mode === 'floors' ? (
        <>
          <TextField
            label="楼层数"
            error={errors.floors}
            id="doors-floors"
            type="number"
            value={form.floors}
            maxlength={2}
            placeholder="例如 6"
            onChange={(floors) => set({ floors })}
          />
          <TextField
            label="每层户数"
            error={errors.roomsPerFloor}
            id="doors-per-floor"
            type="number"
            value={form.roomsPerFloor}
            maxlength={2}
            placeholder="例如 4"
            onChange={(roomsPerFloor) => set({ roomsPerFloor })}
          />
          {preview ? (
            <View className="bd-preview" id="doors-preview">
              {preview}
            </View>
          ) : null}
          <View className="muted">已经登记的门牌不会重复添加。</View>
        </>
      ) : (
        <TextField
          label="房号"
          error={errors.room}
          id="doors-room"
          value={form.room}
          maxlength={10}
          placeholder="例如 1203"
          onChange={(room) => set({ room })}
        />
      )}
      <FormActions
        error={serverError}
        errorId="doors-error"
        cancelId="doors-cancel"
        onCancel={onCancel}
        submitId="doors-submit"
        submitText="添加门牌"
        busy={add.busy}
        onSubmit={submit}
      />
    </View>
  );
}
