import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Region } from '../../api/types.js';
import { useRegion } from '../regions/queries.js';

interface CurrentRegionValue {
  /** The user's own node: the root of their scope. */
  root: Region;
  /** The node chosen in the region tree (the root until one is chosen); lists follow it. */
  region: Region;
  setRegion: (region: Region) => void;
}

const CurrentRegionContext = createContext<CurrentRegionValue | null>(null);

export function CurrentRegionProvider({ root, children }: { root: Region; children: ReactNode }) {
  const [selected, setSelected] = useState<Region | null>(null);
  // The selection is kept fresh from the cache: creating or importing regions and founding a
  // fund invalidate ['regions'], so counts and fund links update without reselecting.
  const fresh = useRegion(selected?.id ?? null);
  const current = selected === null ? root : (fresh.data ?? selected);
  const value = useMemo<CurrentRegionValue>(
    () => ({
      root,
      region: current,
      setRegion: (region) => {
        setSelected(region.id === root.id ? null : region);
      },
    }),
    [root, current],
  );
  return <CurrentRegionContext value={value}>{children}</CurrentRegionContext>;
}

/** The current region of the region tree; lists show what lies under it. */
export function useCurrentRegion(): CurrentRegionValue {
  const value = useContext(CurrentRegionContext);
  if (value === null) throw new Error('useCurrentRegion outside CurrentRegionProvider');
  return value;
}
