import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import type { ImportResult, ImportRowError } from '@linli/shared-types';

interface ImportReportProps {
  result: ImportResult | null;
  failure: { message: string; rows: ImportRowError[] } | null;
  onClose: () => void;
}

/** 第 3 行 联系电话：… */
function describeRow(error: ImportRowError): string {
  return `第 ${error.row} 行${error.column ? ` ${error.column}` : ''}：${error.message}`;
}

/** What an Excel import did, or every row that stopped it (nothing is imported then). */
export function ImportReport({ result, failure, onClose }: ImportReportProps) {
  if (result) {
    return (
      <View className="status status--ok" id="import-result">
        <View className="status__title">导入成功</View>
        <View className="text">{`新增 ${result.created} 户，更新 ${result.updated} 户，未变 ${result.unchanged} 户`}</View>
        <View className="gap-top">
          <Button size="large" block onClick={onClose}>
            知道了
          </Button>
        </View>
      </View>
    );
  }
  if (failure) {
    return (
      <View className="status status--rejected" id="import-errors">
        <View className="status__title">导入失败</View>
        <View className="text">{failure.message}</View>
        {failure.message.includes('没有导入') ? null : <View className="text">本次没有导入任何数据。</View>}
        <View className="import__rows">
          {failure.rows.map((row, index) => (
            <View key={`${row.row}-${row.column ?? ''}-${index}`} className="import__row">
              {describeRow(row)}
            </View>
          ))}
        </View>
        <View className="gap-top">
          <Button size="large" block onClick={onClose}>
            知道了
          </Button>
        </View>
      </View>
    );
  }
  return null;
}
