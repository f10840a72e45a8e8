import { Alert } from 'antd';
import { levelName, roleName } from '../../text/zh.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { roleGroup } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { AdminShortcuts } from './AdminShortcuts.js';
import { ScopeHome } from './ScopeHome.js';
import { VillageHome } from './VillageHome.js';

/** 首页: one landing page per kind of user. */
export function HomePage() {
  const user = useCurrentUser();
  const group = roleGroup(user.role);
  return (
    <div>
      <PageHeader
        title={`${user.region.name}（${levelName(user.region.level)}）`}
        subtitle={`${user.displayName} · ${roleName(user.role)}`}
      />
      {group === 'village' ? <VillageHome /> : null}
      {group === 'auditor' ? (
        <Alert
          type="warning"
          showIcon
          title="只读账号"
          description="审计账号可以查看管辖范围内的全部数据，不能做任何修改。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {group === 'admin' ? <AdminShortcuts /> : null}
      {group === 'village' ? null : <ScopeHome />}
    </div>
  );
}
