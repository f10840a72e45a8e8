import { useState } from 'react';
import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import type { RegionImportProblem } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useImportRegions } from './queries.js';

/** Reads a file as base64 (without the data: prefix). */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => {
      reject(new Error('无法读取文件'));
    };
    reader.readAsDataURL(file);
  });
}

function isProblem(value: unknown): value is RegionImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.row === 'number' && typeof p.field === 'string' && typeof p.message === 'string';
}

/** The rows of a `region_import_invalid` error, or null for any other error. */
export function importProblems(error: unknown): RegionImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'region_import_invalid') return null;
  const problems = error.details.problems;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  code: '代码',
  name: '名称',
  parent_code: '上级代码',
};

/** Imports regions from CSV or xlsx (代码, 名称, 上级代码): all rows or none. */
export function ImportRegions({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportRegions();
  const [filename, setFilename] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const problems = importProblems(importing.error);
  const problemCount =
    importing.error instanceof ApiError ? importing.error.details.problemCount : undefined;

  const upload = async (file: File) => {
    setReadError(null);
    setFilename(file.name);
    try {
      const contentBase64 = await readBase64(file);
      importing.mutate({ filename: file.name, contentBase64 });
    } catch {
      setReadError('无法读取该文件');
    }
  };

  return (
    <Modal
      title="导入区划"
      open={open}
      width={720}
      footer={null}
      onCancel={() => {
        importing.reset();
        setFilename(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        支持 CSV（UTF-8）和 xlsx
        文件，列为：代码、名称、上级代码。文件中任何一行有错误时，全部不导入。
      </Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importing.isPending}>
          选择文件
        </Button>
      </Upload>
      {filename === null ? null : (
        <Typography.Text style={{ marginInlineStart: 12 }}>{filename}</Typography.Text>
      )}
      <div style={{ marginTop: 16 }}>
        {readError === null ? null : <Alert type="error" showIcon title={readError} />}
        {importing.data === undefined ? null : (
          <Alert
            type="success"
            showIcon
            title={`导入完成：新增 ${String(importing.data.created)} 个，已存在未变 ${String(importing.data.unchanged)} 个`}
          />
        )}
        {problems === null ? (
          <ErrorAlert error={importing.error} />
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              title={importing.error instanceof ApiError ? importing.error.message : ''}
              description={
                typeof problemCount === 'number' && problemCount > problems.length
                  ? `共 ${String(problemCount)} 处问题，仅列出前 ${String(problems.length)} 处`
                  : `共 ${String(problems.length)} 处问题`
              }
              style={{ marginBottom: 12 }}
            />
            <Table<RegionImportProblem>
              size="small"
              rowKey={(p) => `${String(p.row)}-${p.field}-${p.message}`}
              dataSource={problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                {
                  title: '列',
                  dataIndex: 'field',
                  width: 90,
                  render: (_: unknown, p) => FIELD_NAMES[p.field] ?? p.field,
                },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
