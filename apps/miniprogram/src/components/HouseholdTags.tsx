import { View } from '@tarojs/components';
import { HOUSEHOLD_TAG_LABELS, type HouseholdTag } from '@linli/shared-types';

/** The household's care tags in Chinese (独居老人, 透析患者…); nothing when there are none. */
export function HouseholdTags({ tags }: { tags: readonly HouseholdTag[] }) {
  if (tags.length === 0) return null;
  return (
    <View className="tags">
      {tags.map((tag) => (
        <View key={tag} className="tag">
          {HOUSEHOLD_TAG_LABELS[tag]}
        </View>
      ))}
    </View>
  );
}
