import { Result } from 'antd';
import { useCurrentRegion } from '../layout/current-region.js';
import { FundOverview } from './FundDetailPage.js';

/** 本社概况: the fund of the user's own village. */
export function OwnFundPage() {
  const { root } = useCurrentRegion();
  if (root.fundId === null)
    return (
      <Result
        status="info"
        title="本村尚未组建互助社"
        subTitle={`${root.name}暂无互助社记录，请联系乡镇或区县。`}
      />
    );
  return <FundOverview fundId={root.fundId} />;
}
