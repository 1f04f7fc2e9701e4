import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { formatFen, type OrderView } from '@linli/shared-types';
import { TotalRow } from './TotalRow';
import './OrderLinesCard.css';

interface OrderLinesCardProps {
  id: string;
  order: Pick<OrderView, 'lines' | 'totalFen'>;
  /** The id of the total's figure. */
  totalId: string;
  /** Above the lines: the window's title, and whatever the page says first. */
  head: ReactNode;
  /** Under the total: how it is paid, where it goes… */
  children?: ReactNode;
}

/** An order as a card: what it holds line by line (名称 × 数量, amount), then the total. */
export function OrderLinesCard({ id, order, totalId, head, children }: OrderLinesCardProps) {
  return (
    <View className="card" id={id}>
      {head}
      {order.lines.map((line) => (
        <View key={line.itemId} className="order-line">
          <View>{`${line.name} × ${line.quantity}`}</View>
          <View>{formatFen(line.amountFen)}</View>
        </View>
      ))}
      <TotalRow id={totalId} fen={order.totalFen} />
      {children}
    </View>
  );
}
