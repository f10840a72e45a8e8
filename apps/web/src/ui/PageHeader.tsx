import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The title row of a page: title, optional subtitle and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle === undefined ? null : (
          <Typography.Text type="secondary">{subtitle}</Typography.Text>
        )}
      </div>
      {extra === undefined ? null : <Flex gap={8}>{extra}</Flex>}
    </Flex>
  );
}
