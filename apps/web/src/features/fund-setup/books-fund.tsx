import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useCurrentRegion } from '../layout/current-region.js';

/**
 * The fund whose books a page shows: village roles work on their own fund; officers and auditors
 * on the village selected in the region tree. null when that node has no fund.
 */
export function useBooksFundId(): number | null {
  const { region } = useCurrentRegion();
  return region.fundId;
}

/** Renders its children with the current fund, or explains how to choose one. */
export function BooksFundGate({ children }: { children: (fundId: number) => ReactNode }) {
  const { region, root } = useCurrentRegion();
  if (region.fundId !== null) return <>{children(region.fundId)}</>;
  if (root.level === 'village')
    return <Result status="info" title="本村尚未组建互助社" subTitle="请联系乡镇或区县组建。" />;
  return (
    <Result
      status="info"
      title="请选择一个村"
      subTitle={
        region.level === 'village'
          ? `${region.name}尚未组建互助社`
          : '请在左侧区划树中选择一个已组建互助社的行政村，再查看或代理记账。'
      }
    />
  );
}
