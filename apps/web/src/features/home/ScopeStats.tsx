import { Card, Col, Row, Statistic } from 'antd';
import { REGION_LEVELS } from '@huzhu/domain';
import type { RegionLevel } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { RatioText } from '../../ui/RatioText.js';
import { useFunds } from '../funds/queries.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { useRegionCount } from '../regions/queries.js';

function LevelCount({ level }: { level: RegionLevel }) {
  const count = useRegionCount(level);
  return (
    <Card size="small">
      <Statistic
        title={`${levelName(level)}数`}
        value={count.data ?? '—'}
        loading={count.isPending}
      />
    </Card>
  );
}

/** Counts in the user's whole scope: the levels below their node, funds, and the share of villages with a fund. */
export function ScopeStats() {
  const { root } = useCurrentRegion();
  const below = REGION_LEVELS.slice(REGION_LEVELS.indexOf(root.level) + 1);
  const villages = useRegionCount('village');
  const funds = useFunds({ page: 1, pageSize: 1 });
  const fundTotal = funds.data?.total;
  const villageTotal = villages.data;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="scope-stats">
      {below.map((level) => (
        <Col key={level} xs={12} md={6}>
          <LevelCount level={level} />
        </Col>
      ))}
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="互助社数" value={fundTotal ?? '—'} loading={funds.isPending} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="建社率（互助社/村）"
            loading={funds.isPending || villages.isPending}
            valueRender={() => (
              <RatioText
                value={
                  fundTotal === undefined || villageTotal === undefined || villageTotal === 0
                    ? null
                    : fundTotal / villageTotal
                }
              />
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
