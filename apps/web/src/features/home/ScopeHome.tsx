import { Card } from 'antd';
import { FundsTable } from '../funds/FundsTable.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { ScopeStats } from './ScopeStats.js';

/** Township, county and city: what lies in scope and the funds under the current region. */
export function ScopeHome() {
  const { region } = useCurrentRegion();
  return (
    <div>
      <ScopeStats />
      <Card title={`${region.name}的互助社`}>
        <FundsTable regionId={region.id} />
      </Card>
    </div>
  );
}
