/** Writes a CSV export to the kiosk's exports folder (a USB stick's mount point, a shared folder) and says where. */
import { useState } from 'preact/hooks';
import { KioskCallError } from '../../common/contract/errors';
import { useTranslation } from '../i18n/use-translation';
import { useStaff } from './staff-shared';

export function ExportButton({ what, label }: { what: 'reports' | 'usage'; label: string }) {
  const { t } = useTranslation();
  const { api, failed } = useStaff();
  const [said, setSaid] = useState<string | null>(null);
  const run = (): void => {
    setSaid(null);
    api.staffExport({ what }).then(
      (done) => setSaid(t('staff.export.done', done)),
      (error: unknown) => {
        if (error instanceof KioskCallError && error.code === 'unavailable') setSaid(t('staff.export.failed', { message: error.message }));
        else failed(error);
      },
    );
  };
  return (
    <div class="staff-export">
      <button type="button" class="button" onClick={run} data-testid={`staff-export-${what}`}>
        {label}
      </button>
      {said && (
        <p role="status" data-testid={`staff-export-${what}-said`}>
          {said}
        </p>
      )}
    </div>
  );
}
