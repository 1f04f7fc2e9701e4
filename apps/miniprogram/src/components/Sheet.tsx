import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './Sheet.css';

interface SheetProps {
  id: string;
  visible: boolean;
  title: string;
  children: ReactNode;
  /** Tapping the dimmed area above the sheet closes it (like 取消). */
  onClose: () => void;
}

/**
 * A panel that rises from the bottom of the screen, its buttons where the thumb is: for
 * volunteers on foot with one hand free (typing a code, choosing why a delivery failed).
 */
export function Sheet({ id, visible, title, children, onClose }: SheetProps) {
  if (!visible) return null;
  return (
    <View className="sheet-mask" onClick={onClose}>
      <View id={id} className="sheet" role="dialog" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <View className="sheet__title">{title}</View>
        {children}
      </View>
    </View>
  );
}
