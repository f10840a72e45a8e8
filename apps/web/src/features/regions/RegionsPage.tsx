import { useState } from 'react';
import { Button, Card, Descriptions, Input, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Region } from '../../api/types.js';
import { levelName, MENU_LABELS } from '../../text/zh.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { canCreateFunds, canManageRegions } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { CreateFundForm } from '../funds/CreateFundForm.js';
import { FundsTable } from '../funds/FundsTable.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { CreateRegionForm } from './CreateRegionForm.js';
import { ImportRegions } from './ImportRegions.js';
import { useRegionChildren } from './queries.js';

function fundTag(region: Region) {
  return region.fundId === null ? (
    <Tag>未组建</Tag>
  ) : (
    <Link to={`/funds/${String(region.fundId)}`}>
      <Tag color="green">互助社</Tag>
    </Link>
  );
}

/** The children of the current region, paged by the server; a name opens that region. */
function ChildrenTable({ parent }: { parent: Region }) {
  const { setRegion } = useCurrentRegion();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const children = useRegionChildren(parent.id, page, pageSize, q);
  const columns: TableColumnsType<Region> = [
    { title: '区划代码', dataIndex: 'code', width: 150 },
    {
      title: '名称',
      dataIndex: 'name',
      render: (_: unknown, r) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => {
            setRegion(r);
          }}
        >
          {r.name}
        </Button>
      ),
    },
    { title: '层级', dataIndex: 'level', width: 90, render: (_: unknown, r) => levelName(r.level) },
    { title: '下级数', dataIndex: 'childCount', width: 90 },
    {
      title: '互助社',
      key: 'fund',
      width: 110,
      render: (_: unknown, r) => (r.level === 'village' ? fundTag(r) : '—'),
    },
  ];
  return (
    <div>
      <ErrorAlert error={children.error} />
      <Input.Search
        placeholder="按名称或代码搜索"
        allowClear
        style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
      />
      <Table<Region>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={children.data?.items ?? []}
        loading={children.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: children.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 个`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </div>
  );
}

/** 区划管理 (admin) / 区划与互助社 (officers, auditor): browse the region under the tree's selection. */
export function RegionsPage() {
  const user = useCurrentUser();
  const { region, root, setRegion } = useCurrentRegion();
  const [dialog, setDialog] = useState<'region' | 'import' | 'fund' | null>(null);
  const manage = canManageRegions(user.role);
  const canFound =
    canCreateFunds(user.role) && region.level === 'village' && region.fundId === null;
  const close = () => {
    setDialog(null);
  };
  return (
    <div>
      <PageHeader
        title={manage ? MENU_LABELS.regionsAdmin : MENU_LABELS.regionsBrowse}
        subtitle="在左侧区划树中选择区划；下表列出其下级"
        extra={
          <>
            {region.id === root.id ? null : (
              <Button
                onClick={() => {
                  setRegion(root);
                }}
              >
                回到 {root.name}
              </Button>
            )}
            {manage && region.level !== 'village' ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setDialog('region');
                }}
              >
                新增下级区划
              </Button>
            ) : null}
            {manage ? (
              <Button
                icon={<ImportOutlined />}
                onClick={() => {
                  setDialog('import');
                }}
              >
                导入区划
              </Button>
            ) : null}
            {canFound ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setDialog('fund');
                }}
              >
                组建互助社
              </Button>
            ) : null}
          </>
        }
      />
      <Card title="当前区划" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'name', label: '名称', children: region.name },
            { key: 'code', label: '区划代码', children: region.code },
            { key: 'level', label: '层级', children: levelName(region.level) },
            region.level === 'village'
              ? { key: 'fund', label: '互助社', children: fundTag(region) }
              : { key: 'children', label: '下级数', children: region.childCount },
          ]}
        />
      </Card>
      {region.level === 'village' ? null : (
        <Card title={`${region.name}的下级区划`} style={{ marginBottom: 16 }}>
          <ChildrenTable key={region.id} parent={region} />
        </Card>
      )}
      {manage ? null : (
        <Card title={`${region.name}的互助社`}>
          <FundsTable regionId={region.id} />
        </Card>
      )}
      {manage && region.level !== 'village' ? (
        <CreateRegionForm parent={region} open={dialog === 'region'} onClose={close} />
      ) : null}
      {manage ? <ImportRegions open={dialog === 'import'} onClose={close} /> : null}
      {canFound ? (
        <CreateFundForm village={region} open={dialog === 'fund'} onClose={close} />
      ) : null}
    </div>
  );
}
