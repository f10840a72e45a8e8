import { useMemo, useState, type Key } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Region, RegionPage } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { fetchChildren, REGIONS_KEY, TREE_PAGE_SIZE } from '../regions/queries.js';
import { useCurrentRegion } from './current-region.js';

function childrenKey(parentId: number) {
  return [...REGIONS_KEY, 'children', parentId, 1, TREE_PAGE_SIZE, ''] as const;
}

function RegionTitle({ region }: { region: Region }) {
  return (
    <span title={`${levelName(region.level)} · ${region.code}`}>
      {region.name}
      {region.fundId === null ? null : (
        <Tag color="green" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>
          互助社
        </Tag>
      )}
    </span>
  );
}

/**
 * The region tree rooted at the user's own node. Children load when a node opens and live in the
 * query cache, so creating or importing regions (which invalidates ['regions']) refreshes it.
 * Selecting a node makes it the current region.
 */
export function RegionTree() {
  const { root, region, setRegion } = useCurrentRegion();
  const queryClient = useQueryClient();
  const [loadedParents, setLoadedParents] = useState<number[]>(() =>
    root.childCount > 0 ? [root.id] : [],
  );
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([String(root.id)]);

  const pages = useQueries({
    queries: loadedParents.map((parentId) => ({
      queryKey: childrenKey(parentId),
      queryFn: () => fetchChildren(parentId),
    })),
  });

  const { treeData, byKey } = useMemo(() => {
    const childrenOf = new Map<number, RegionPage>();
    loadedParents.forEach((parentId, index) => {
      const data = pages[index]?.data;
      if (data !== undefined) childrenOf.set(parentId, data);
    });
    const byKey = new Map<string, Region>();
    const toNode = (r: Region): TreeDataNode => {
      byKey.set(String(r.id), r);
      const page = childrenOf.get(r.id);
      const node: TreeDataNode = {
        key: String(r.id),
        title: <RegionTitle region={r} />,
        isLeaf: r.childCount === 0,
      };
      if (page !== undefined) {
        const children = page.items.map(toNode);
        if (page.total > page.items.length) {
          children.push({
            key: `more-${String(r.id)}`,
            title: (
              <Typography.Text type="secondary">
                另有 {page.total - page.items.length} 个，请在区划列表中查看
              </Typography.Text>
            ),
            isLeaf: true,
            selectable: false,
          });
        }
        node.children = children;
      }
      return node;
    };
    return { treeData: [toNode(root)], byKey };
  }, [root, loadedParents, pages]);

  const loadData = async (node: { key: Key }) => {
    const parentId = Number(node.key);
    if (!Number.isInteger(parentId)) return;
    await queryClient.query({
      queryKey: childrenKey(parentId),
      queryFn: () => fetchChildren(parentId),
    });
    setLoadedParents((current) => (current.includes(parentId) ? current : [...current, parentId]));
  };

  return (
    <Tree
      className="region-tree"
      blockNode
      showLine
      treeData={treeData}
      loadData={loadData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => {
        setExpandedKeys(keys);
      }}
      selectedKeys={[String(region.id)]}
      onSelect={(keys) => {
        const key = keys[0];
        const selected = key === undefined ? undefined : byKey.get(String(key));
        if (selected !== undefined) setRegion(selected);
      }}
    />
  );
}
