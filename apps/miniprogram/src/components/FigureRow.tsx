import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './FigureRow.css';

interface FigureRowProps {
  label: string;
  /** The value's id, for end-to-end tests. */
  id?: string;
  /** ok: green (money in, done); alert: red, label too (to follow up). */
  tone?: 'ok' | 'alert';
  children: ReactNode;
}

/** A figure on a staff summary: its name on the left, the figure in bold on the right (库存, 已收款 ¥39.00). */
export function FigureRow({ label, id, tone, children }: FigureRowProps) {
  return (
    <View className={tone ? `figure-row figure-row--${tone}` : 'figure-row'}>
      <View className="figure-row__label">{label}</View>
      <View id={id} className="figure-row__value">
        {children}
      </View>
    </View>
  );
}
