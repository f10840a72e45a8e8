import { App, Button, Card, Col, Form, Input, List, Row, Select, Tag, Typography } from 'antd';
import type { FundSummary } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAddTypicalCase, useTypicalCases } from './queries.js';
import { fire } from '../plans/fire.js';

interface CaseValues {
  title: string;
  body: string;
  fundId?: number | null;
}

/** 典型案例 of the year (the notice asks for 2–3), listed and added by the county. */
export function TypicalCases({
  regionId,
  year,
  funds,
  canAdd,
}: {
  regionId: number;
  year: number;
  funds: readonly FundSummary[];
  canAdd: boolean;
}) {
  const cases = useTypicalCases(regionId, year);
  const add = useAddTypicalCase(regionId);
  const [form] = Form.useForm<CaseValues>();
  const { message } = App.useApp();
  const items = cases.data?.items ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={canAdd ? 14 : 24}>
        <ErrorAlert error={cases.error} />
        <List
          className="typical-cases"
          loading={cases.isPending}
          header={
            <span>
              已录入 {items.length} 个
              {items.length < 2 ? (
                <Typography.Text type="warning">（通知要求 2—3 个）</Typography.Text>
              ) : null}
            </span>
          }
          locale={{ emptyText: '本年尚未录入典型案例' }}
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {c.title} {c.fundName === null ? null : <Tag>{c.fundName}</Tag>}
                  </span>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>}
              />
            </List.Item>
          )}
        />
      </Col>
      {canAdd ? (
        <Col xs={24} xl={10}>
          <Card size="small" title="新增典型案例">
            <ErrorAlert error={add.error} />
            <Form<CaseValues>
              form={form}
              layout="vertical"
              className="typical-case-form"
              onFinish={(values) => {
                fire(async () => {
                  await add.mutateAsync({
                    year,
                    title: values.title.trim(),
                    body: values.body.trim(),
                    ...(values.fundId == null ? {} : { fundId: values.fundId }),
                  });
                  message.success('典型案例已添加');
                  form.resetFields();
                });
              }}
            >
              <Form.Item
                name="title"
                label="标题"
                rules={[{ required: true, whitespace: true, message: '请输入标题' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="fundId" label="互助社（可选）">
                <Select
                  allowClear
                  options={funds.map((f) => ({ value: f.id, label: f.name }))}
                  placeholder="案例所在的互助社"
                />
              </Form.Item>
              <Form.Item
                name="body"
                label="做法与成效"
                rules={[{ required: true, whitespace: true, message: '请输入案例内容' }]}
              >
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                添加案例
              </Button>
            </Form>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
