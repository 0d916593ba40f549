/** The kiosk itself: id, version, channel, pending update, the remote settings in force and their signature, the exports folder. */
import { useTranslation } from '../i18n/use-translation';
import { Fact, useOverview, useWhen } from './staff-shared';

export function KioskPanel() {
  const { t } = useTranslation();
  const when = useWhen();
  const { overview } = useOverview();
  if (!overview) return <p aria-busy="true">{t('app.loading')}</p>;
  const { kiosk, remoteSettings: settings } = overview;
  return (
    <dl class="staff-facts staff-kiosk">
      <Fact label={t('staff.kiosk.id')}>{kiosk.id}</Fact>
      <Fact label={t('staff.kiosk.version')} testId="staff-version">
        {kiosk.version}
      </Fact>
      <Fact label={t('staff.kiosk.channel')}>{kiosk.channel}</Fact>
      <Fact label={t('staff.kiosk.update')} testId="staff-update">
        {kiosk.updates === null
          ? t('staff.kiosk.noUpdater')
          : kiosk.updates.available
            ? t('staff.kiosk.pending', { version: kiosk.updates.available })
            : t('staff.kiosk.upToDate', { state: kiosk.updates.state })}
      </Fact>
      <Fact label={t('staff.kiosk.settings')} testId="staff-settings">
        <span data-state={settings.state}>
          {settings.state === 'off' && t('staff.kiosk.settingsOff')}
          {settings.state === 'none' && t('staff.kiosk.settingsNone')}
          {settings.state === 'in-force' && t('staff.kiosk.settingsInForce', { issued: when(settings.issuedAt), expires: when(settings.expiresAt) })}
        </span>
        {settings.fields.length > 0 && <span> {t('staff.kiosk.settingsFields', { fields: settings.fields.join(', ') })}</span>}
        {settings.lastCheck && (
          <span class="staff-muted" data-outcome={settings.lastCheck.outcome}>
            {' '}
            {t('staff.kiosk.lastCheck', { when: when(settings.lastCheck.at), outcome: t(`staff.kiosk.outcome.${settings.lastCheck.outcome}`) })}
            {settings.lastCheck.reason && ` (${settings.lastCheck.reason})`}
          </span>
        )}
      </Fact>
      {settings.keyFingerprint && <Fact label={t('staff.kiosk.key')}>{settings.keyFingerprint}</Fact>}
      <Fact label={t('staff.kiosk.exports')}>{overview.exportDirectory}</Fact>
    </dl>
  );
}
