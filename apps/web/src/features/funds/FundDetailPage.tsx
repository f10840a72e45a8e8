import { Card, Result, Skeleton } from 'antd';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { AuditTable } from '../audit/AuditTable.js';
import { FundCard } from './FundCard.js';
import { useFund } from './queries.js';

/** A fund's overview: its card, then (as the books arrive) members, loans, vouchers, reports. */
export function FundOverview({ fundId }: { fundId: number }) {
  const fund = useFund(fundId);
  if (fund.isPending) return <Skeleton active />;
  if (fund.isError) return <ErrorAlert error={fund.error} />;
  return (
    <div>
      <PageHeader
        title={fund.data.name}
        subtitle={`${fund.data.county.name} · ${fund.data.township.name} · ${fund.data.village.name}`}
      />
      <FundCard fund={fund.data} />
      <Card title="变更记录" style={{ marginTop: 16 }}>
        <AuditTable filter={{ entityType: 'fund', entityId: String(fund.data.id) }} />
      </Card>
    </div>
  );
}

/** /funds/:id */
export function FundDetailPage() {
  const { id } = useParams();
  const fundId = Number(id);
  if (!Number.isInteger(fundId) || fundId < 1)
    return <Result status="404" title="未找到该互助社" />;
  return <FundOverview fundId={fundId} />;
}
