import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { apiGet } from '../../api/client.js';
import type { FundSummary, Region } from '../../api/types.js';
import { FUNDS_KEY } from '../funds/queries.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { REGIONS_KEY } from '../regions/queries.js';

/**
 * Moving through the region tree from a screen: to a region (the dashboard drills down), to its
 * parent, or into a fund's books (selecting its village, as the tree would, then opening a page).
 */
export function useDrillDown() {
  const { setRegion } = useCurrentRegion();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const regionById = (id: number) =>
    queryClient.query({
      queryKey: [...REGIONS_KEY, 'one', id],
      queryFn: () => apiGet<Region>(`/regions/${String(id)}`),
    });

  const run = async (step: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return {
    pending,
    error,
    /** Makes a region the current one (the tree follows). */
    toRegion: (regionId: number) =>
      run(async () => {
        setRegion(await regionById(regionId));
        window.scrollTo({ top: 0 });
      }),
    /** Selects a fund's village and opens one of its book pages (借款, 报表, 季报…). */
    toFund: (fundId: number, path: string) =>
      run(async () => {
        const fund = await queryClient.query({
          queryKey: [...FUNDS_KEY, 'one', fundId],
          queryFn: () => apiGet<FundSummary>(`/funds/${String(fundId)}`),
        });
        setRegion(await regionById(fund.village.id));
        await navigate(path);
      }),
  };
}
