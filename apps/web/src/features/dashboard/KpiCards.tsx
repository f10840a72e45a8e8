import type { ReactNode } from 'react';
import { Card, Statistic } from 'antd';
import type { RegionBreakdown } from '../../api/types.js';
import { IndicatorText, INDICATOR_DEFINITIONS, type IndicatorCode } from './indicator-format.js';

/** The headline indicators of a region, as cards. */
const KPI_CODES: readonly IndicatorCode[] = [
  'fund_total',
  'outstanding',
  'utilization_rate',
  'on_time_rate',
  'recovery_rate',
  'overdue_rate',
  'par30',
  'disbursed_poor_share',
];

function Kpi({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" className="kpi-card" data-kpi={id}>
      <Statistic title={title} valueRender={() => <span className="kpi-value">{children}</span>} />
    </Card>
  );
}

/** 互助社数, 会员户数 (贫困户), then the money and ratio indicators of §8 that matter most. */
export function KpiCards({ total }: { total: RegionBreakdown['total'] }) {
  const values = total.indicators;
  return (
    <div
      className="kpi-cards"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
        gap: 12,
        marginBottom: 16,
      }}
    >
      <Kpi id="fundCount" title="互助社数">
        {total.fundCount}
      </Kpi>
      <Kpi id="members" title="会员户数（贫困户）">
        <IndicatorText code="members" value={values.members} />
        <span style={{ fontSize: 16, color: '#8c8c8c' }}>
          {' （'}
          <IndicatorText code="members_poor" value={values.members_poor} />
          {'）'}
        </span>
      </Kpi>
      {KPI_CODES.map((code) => (
        <Kpi
          key={code}
          id={code}
          title={`${INDICATOR_DEFINITIONS[code].name}${INDICATOR_DEFINITIONS[code].display === 'yuan' ? '（元）' : ''}`}
        >
          <IndicatorText code={code} value={values[code]} />
        </Kpi>
      ))}
    </div>
  );
}
