import { useCurrentRegion } from '../layout/current-region.js';
import { Result } from 'antd';
import { FundReportPanel } from './FundReportPanel.js';
import { StatusBoardPanel } from './StatusBoardPanel.js';

/**
 * 季报: on a village with a fund (a village user's own, or one chosen in the tree) that fund's
 * report for a quarter; on a township, county or city the 报送情况 of every fund under it.
 */
export function QuarterlyReportsPage() {
  const { region } = useCurrentRegion();
  if (region.level !== 'village') return <StatusBoardPanel key={region.id} region={region} />;
  if (region.fundId === null)
    return (
      <Result status="info" title={`${region.name}尚未组建互助社`} subTitle="没有季报可看。" />
    );
  return <FundReportPanel key={region.fundId} fundId={region.fundId} village={region} />;
}
