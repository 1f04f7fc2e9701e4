import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ZoneView } from '@linli/shared-types';
import { renameZone } from '@/api';
import { FormActions } from '@/components/FormActions';
import { TextField } from '@/components/Field';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';

interface ZonesCardProps {
  zones: ZoneView[];
  onRenamed: (zones: ZoneView[]) => void;
}

/**
 * 封控片区: the zones named on the buildings, with how many buildings and households each has;
 * 改名 renames one on buildings, households, windows and pharmacies at once.
 * Ids: zone-{i}, zone-{i}-rename, zone-new-name, zone-submit.
 */
export function ZonesCard({ zones, onRenamed }: ZonesCardProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const { form, set, setForm, errors, serverError, check, refused } = useForm<{ to: string }>({ to: '' });

  const save = useAction(async (body: { from: string; to: string }, key: string) => {
    const result = await renameZone(body, key);
    setRenaming(null);
    onRenamed(result);
    return result;
  }, refused);

  const submit = () => {
    const to = form.to.trim();
    const found = to === '' ? { to: '请填写新的片区名称' } : to.length > 40 ? { to: '片区名称最多 40 个字' } : {};
    if (check(found) && renaming !== null) void save.run({ from: renaming, to });
  };

  if (zones.length === 0) return null;
  return (
    <View className="card" id="zones-card">
      <View className="card-title">封控片区</View>
      {zones.map((zone, i) =>
        renaming === zone.name ? (
          <View key={zone.name} id={`zone-${i}`}>
            <TextField
              label={`“${zone.name}”改成`}
              error={errors.to}
              id="zone-new-name"
              value={form.to}
              maxlength={40}
              placeholder="新的片区名称"
              onChange={(to) => set({ to })}
            />
            <FormActions
              error={serverError}
              errorId="zone-error"
              cancelId="zone-cancel"
              onCancel={() => setRenaming(null)}
              submitId="zone-submit"
              submitText="改名"
              busy={save.busy}
              onSubmit={submit}
            />
          </View>
        ) : (
          <View key={zone.name} id={`zone-${i}`} className="bd-zone">
            <View className="bd-zone__text">
              <View className="bd-chip__name">{zone.name}</View>
              <View className="muted">{`${zone.buildings} 栋 · ${zone.households} 户`}</View>
            </View>
            <Button
              id={`zone-${i}-rename`}
              size="large"
              fill="outline"
              onClick={() => {
                setForm({ to: zone.name });
                setRenaming(zone.name);
              }}
            >
              改名
            </Button>
          </View>
        ),
      )}
    </View>
  );
}
