import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import type { FundSummary } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';

/** A fund's identity: name, code, where it is, when it was founded. */
export function FundCard({ fund, extra }: { fund: FundSummary; extra?: ReactNode }) {
  return (
    <Card title={fund.name} extra={extra} className="fund-card">
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'code', label: '互助社编号', children: fund.code },
          { key: 'village', label: '行政村', children: fund.village.name },
          { key: 'township', label: '乡镇', children: fund.township.name },
          { key: 'county', label: '区县', children: fund.county.name },
          { key: 'villageCode', label: '村区划代码', children: fund.village.code },
          {
            key: 'foundedOn',
            label: '成立日期',
            children: <DateText value={fund.foundedOn} />,
          },
        ]}
      />
    </Card>
  );
}
