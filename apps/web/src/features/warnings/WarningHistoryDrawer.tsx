import { Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import type { WarningView } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useWarningHistory } from './queries.js';
import { WARNING_ACTION_NAMES, warningName, warningStatusName } from './warning-text.js';

/** A warning's history: when it appeared, who confirmed or resolved it and why. */
export function WarningHistoryDrawer({
  warning,
  onClose,
}: {
  warning: WarningView | null;
  onClose: () => void;
}) {
  const history = useWarningHistory(warning?.id ?? null);
  return (
    <Drawer
      open={warning !== null}
      onClose={onClose}
      title={
        warning === null ? '处理记录' : `处理记录：${warning.fundName} ${warningName(warning.code)}`
      }
      className="warning-history"
      destroyOnHidden
    >
      <ErrorAlert error={history.error} />
      {warning === null ? null : (
        <Typography.Paragraph type="secondary">{warning.message}</Typography.Paragraph>
      )}
      {history.isPending ? (
        <Skeleton active />
      ) : (history.data?.items.length ?? 0) === 0 ? (
        <Empty />
      ) : (
        <Timeline
          items={(history.data?.items ?? []).map((event, index) => ({
            key: index,
            color:
              event.toStatus === 'resolved' ? 'green' : event.toStatus === 'open' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>
                  {WARNING_ACTION_NAMES[event.action] ?? event.action}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {event.actorName} · <DateText value={event.at} time /> →{' '}
                    {warningStatusName(event.toStatus)}
                  </Typography.Text>
                </div>
                {event.note === null ? null : <div>说明：{event.note}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
