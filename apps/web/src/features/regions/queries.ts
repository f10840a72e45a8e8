import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { Region, RegionImportResult, RegionLevel, RegionPage } from '../../api/types.js';

export const REGIONS_KEY = ['regions'] as const;

/** The most children one request fetches for the tree (the server's MAX_PAGE_SIZE). */
export const TREE_PAGE_SIZE = 200;

/** The user's own region node: the root of everything they may see. */
export function useRootRegion() {
  return useQuery({
    queryKey: [...REGIONS_KEY, 'root'],
    queryFn: async (): Promise<Region> => {
      const page = await apiGet<RegionPage>('/regions');
      const root = page.items[0];
      if (root === undefined) throw new Error('the server returned no root region');
      return root;
    },
    staleTime: 5 * 60_000,
  });
}

export function fetchChildren(parentId: number, page = 1, pageSize = TREE_PAGE_SIZE) {
  return apiGet<RegionPage>('/regions', { parentId, page, pageSize });
}

/** One page of the children of a region. */
export function useRegionChildren(parentId: number, page: number, pageSize: number, q = '') {
  return useQuery({
    queryKey: [...REGIONS_KEY, 'children', parentId, page, pageSize, q],
    queryFn: () => apiGet<RegionPage>('/regions', { parentId, page, pageSize, q }),
    placeholderData: keepPreviousData,
  });
}

/** How many regions of a level lie in the user's scope (a page of one row, read its total). */
export function useRegionCount(level: RegionLevel) {
  return useQuery({
    queryKey: [...REGIONS_KEY, 'count', level],
    queryFn: async () => (await apiGet<RegionPage>('/regions', { level, pageSize: 1 })).total,
  });
}

export function useRegion(id: number | null) {
  return useQuery({
    queryKey: [...REGIONS_KEY, 'one', id],
    queryFn: () => apiGet<Region>(`/regions/${String(id)}`),
    enabled: id !== null,
  });
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; parentId: number }) =>
      apiSend<Region>('POST', '/regions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}

export function useImportRegions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { filename: string; contentBase64: string }) =>
      apiSend<RegionImportResult>('POST', '/regions/import', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}
