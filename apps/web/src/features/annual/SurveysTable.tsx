import { useState } from 'react';
import { App, Button, Input, InputNumber, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { FundSummary, Survey } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { RatioText } from '../../ui/RatioText.js';
import { useSaveSurvey, useSurveys, type SurveyInput } from './queries.js';
import { fire } from '../plans/fire.js';

interface Row {
  fund: FundSummary;
  survey: Survey | undefined;
  loading: boolean;
}

const EMPTY: SurveyInput = {
  respondents: 0,
  satisfied: 0,
  neutral: 0,
  dissatisfied: 0,
  opinions: '',
};

/** 满意度调查 of the year, one row per fund, edited in place. */
export function SurveysTable({
  funds,
  year,
  canEdit,
}: {
  funds: readonly FundSummary[];
  year: number;
  canEdit: boolean;
}) {
  const surveys = useSurveys(funds.map((f) => f.id));
  const save = useSaveSurvey();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<SurveyInput>(EMPTY);
  const rows: Row[] = funds.map((fund, index) => ({
    fund,
    survey: surveys[index]?.data?.items.find((s) => s.year === year),
    loading: surveys[index]?.isPending ?? false,
  }));
  const sum = draft.satisfied + draft.neutral + draft.dissatisfied;
  const number = (key: 'respondents' | 'satisfied' | 'neutral' | 'dissatisfied', label: string) =>
    function NumberCell(_: unknown, row: Row) {
      if (editing === row.fund.id)
        return (
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            value={draft[key]}
            aria-label={label}
            className={`survey-${key}`}
            style={{ width: 90 }}
            onChange={(value) => {
              setDraft((d) => ({ ...d, [key]: value ?? 0 }));
            }}
          />
        );
      return row.survey === undefined ? '—' : row.survey[key];
    };
  return (
    <>
      <ErrorAlert error={save.error} />
      <Table<Row>
        rowKey={(row) => row.fund.id}
        size="small"
        pagination={false}
        className="surveys-table"
        dataSource={rows}
        locale={{ emptyText: '本区域尚无互助社' }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'fund', title: '互助社', render: (_: unknown, row) => row.fund.name },
          {
            key: 'respondents',
            title: '受访户数',
            align: 'right',
            render: number('respondents', '受访户数'),
          },
          { key: 'satisfied', title: '满意', align: 'right', render: number('satisfied', '满意') },
          { key: 'neutral', title: '一般', align: 'right', render: number('neutral', '一般') },
          {
            key: 'dissatisfied',
            title: '不满意',
            align: 'right',
            render: number('dissatisfied', '不满意'),
          },
          {
            key: 'rate',
            title: '满意率',
            align: 'right',
            render: (_: unknown, row) => {
              const s = editing === row.fund.id ? draft : row.survey;
              if (s === undefined || s.respondents === 0) return '—';
              return <RatioText value={s.satisfied / s.respondents} digits={2} />;
            },
          },
          {
            key: 'opinions',
            title: '农户意见',
            render: (_: unknown, row) =>
              editing === row.fund.id ? (
                <Input
                  value={draft.opinions}
                  maxLength={5000}
                  aria-label="农户意见"
                  className="survey-opinions"
                  style={{ width: 260 }}
                  onChange={(event) => {
                    const opinions = event.target.value;
                    setDraft((d) => ({ ...d, opinions }));
                  }}
                />
              ) : (
                (row.survey?.opinions ?? '') || '—'
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: '操作',
                  render: (_: unknown, row: Row) =>
                    editing === row.fund.id ? (
                      <Space orientation="vertical" size={2}>
                        <Space>
                          <Button
                            size="small"
                            type="primary"
                            loading={save.isPending}
                            disabled={sum !== draft.respondents || draft.respondents < 1}
                            onClick={() => {
                              fire(async () => {
                                await save.mutateAsync({
                                  fundId: row.fund.id,
                                  year,
                                  survey: draft,
                                });
                                message.success(`${row.fund.name} 的满意度调查已保存`);
                                setEditing(null);
                              });
                            }}
                          >
                            保存
                          </Button>
                          <Button
                            size="small"
                            onClick={() => {
                              save.reset();
                              setEditing(null);
                            }}
                          >
                            取消
                          </Button>
                        </Space>
                        {sum !== draft.respondents ? (
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            满意、一般、不满意之和（{sum}）须等于受访户数
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ) : (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        disabled={editing !== null || row.loading}
                        onClick={() => {
                          save.reset();
                          setDraft(
                            row.survey === undefined
                              ? EMPTY
                              : {
                                  respondents: row.survey.respondents,
                                  satisfied: row.survey.satisfied,
                                  neutral: row.survey.neutral,
                                  dissatisfied: row.survey.dissatisfied,
                                  opinions: row.survey.opinions,
                                },
                          );
                          setEditing(row.fund.id);
                        }}
                      >
                        {row.survey === undefined ? '录入' : '修改'}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
