/**
 * Staff lists: needs, radius, "open on" a day of the coming week, language and format; printed
 * at once or saved under a name (a preset keeps the weekday, resolved to the next such day).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CategoryNode, KioskResponse } from '../../common/contract/kiosk-api';
import type { LanguageCode } from '../../common/i18n/languages';
import { addDays, wallClock, weekdayOf } from '../../common/opening/zoned-time';
import { listOfPreset, type ListSpec, type PrintPresetSpec } from '../../common/print/print-document';
import { OnScreenKeyboard, useKeyboardLabels } from '../components/on-screen-keyboard/on-screen-keyboard';
import { useTranslation } from '../i18n/use-translation';
import { useSession } from '../session/session-context';
import { JobLine, useDay, usePrintJob, useStaff } from './staff-shared';

const RADII_KM = [1, 2, 3, 5, 10, 20] as const;
const MAX_NEEDS = 12;

type Presets = KioskResponse<'printPresets'>['presets'];

function NeedChips({ roots, chosen, toggle }: { roots: CategoryNode[]; chosen: string[]; toggle: (id: string) => void }) {
  const { t } = useTranslation();
  const chip = (id: string) => (
    <button type="button" key={id} class="staff-chip" aria-pressed={chosen.includes(id)} onClick={() => toggle(id)} data-need={id}>
      {t(`categories.${id}`)}
    </button>
  );
  return (
    <div class="staff-needs">
      {roots.map((root) => (
        <div class="staff-needs__group" key={root.id}>
          {chip(root.id)}
          <div class="staff-needs__children">{root.children.map((child) => chip(child.id))}</div>
        </div>
      ))}
    </div>
  );
}

export function ListsPanel() {
  const { t, language } = useTranslation();
  const keyboardLabels = useKeyboardLabels();
  const session = useSession();
  const { api, status, failed } = useStaff();
  const day = useDay();
  const today = wallClock(new Date(status.now), status.kiosk.timeZone).day;
  const [needs, setNeeds] = useState<string[]>([]);
  const [radiusKm, setRadiusKm] = useState<number>(2);
  const [openOn, setOpenOn] = useState<string | null>(null);
  const [listLanguage, setListLanguage] = useState<LanguageCode>(language as LanguageCode);
  const [format, setFormat] = useState<'sheet' | 'ticket'>('sheet');
  const [name, setName] = useState('');
  const [naming, setNaming] = useState(false);
  const [presets, setPresets] = useState<Presets>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { job, start } = usePrintJob();

  const reload = (): void => void api.printPresets({}).then((answer) => setPresets(answer.presets), failed);
  useEffect(reload, []);

  const toggle = (id: string): void =>
    setNeeds((current) => (current.includes(id) ? current.filter((need) => need !== id) : current.length < MAX_NEEDS ? [...current, id] : current));
  const print = (list: ListSpec): void => start(api.print({ document: { kind: 'list', list }, session: null }));
  const spec = (): PrintPresetSpec => ({
    categories: needs,
    radiusMetres: radiusKm * 1000,
    openOnWeekday: openOn === null ? null : weekdayOf(openOn),
    language: listLanguage,
    format,
  });
  const printNow = (): void => {
    if (needs.length === 0) return setNotice(t('staff.lists.chooseNeed'));
    setNotice(null);
    print({ categories: needs, radiusMetres: radiusKm * 1000, openOn, language: listLanguage, format, ...(name.trim() ? { title: name.trim() } : {}) });
  };
  const save = (): void => {
    if (needs.length === 0) return setNotice(t('staff.lists.chooseNeed'));
    api.savePrintPreset({ name: name.trim(), spec: spec() }).then(() => {
      setNotice(t('staff.lists.saved'));
      setNaming(false);
      reload();
    }, failed);
  };

  return (
    <div class="staff-lists">
      <section aria-labelledby="staff-presets">
        <h2 id="staff-presets">{t('staff.lists.presets')}</h2>
        {presets.length === 0 && <p>{t('staff.lists.noPresets')}</p>}
        <ul class="staff-presets" data-testid="staff-presets">
          {presets.map((preset) => (
            <li key={preset.id} data-preset={preset.name}>
              <span class="staff-presets__name">{preset.name}</span>
              <button type="button" class="button" onClick={() => print(listOfPreset(preset.name, preset.spec, today))} data-testid="staff-preset-print">
                {t('staff.lists.print')}
              </button>
              <button type="button" class="button" onClick={() => void api.deletePrintPreset({ id: preset.id }).then(reload, failed)} data-testid="staff-preset-delete">
                {t('staff.lists.delete')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <JobLine job={job} />
      <section aria-labelledby="staff-new-list">
        <h2 id="staff-new-list">{t('staff.lists.title')}</h2>
        <h3>{t('staff.lists.needs')}</h3>
        <NeedChips roots={session.categories} chosen={needs} toggle={toggle} />
        <div class="staff-row" role="group" aria-label={t('staff.lists.radius')}>
          <span class="staff-row__label">{t('staff.lists.radius')}</span>
          {RADII_KM.map((km) => (
            <button type="button" key={km} class="staff-chip" aria-pressed={radiusKm === km} onClick={() => setRadiusKm(km)}>
              {t('staff.lists.km', { km })}
            </button>
          ))}
        </div>
        <div class="staff-row" role="group" aria-label={t('staff.lists.openOn')}>
          <span class="staff-row__label">{t('staff.lists.openOn')}</span>
          <button type="button" class="staff-chip" aria-pressed={openOn === null} onClick={() => setOpenOn(null)}>
            {t('staff.lists.anyDay')}
          </button>
          {Array.from({ length: 7 }, (_, index) => addDays(today, index)).map((date) => (
            <button type="button" key={date} class="staff-chip" aria-pressed={openOn === date} onClick={() => setOpenOn(date)}>
              {day(date)}
            </button>
          ))}
        </div>
        <div class="staff-row" role="group" aria-label={t('staff.lists.language')}>
          <span class="staff-row__label">{t('staff.lists.language')}</span>
          {status.languages.enabled.map((code) => (
            <button type="button" key={code} class="staff-chip" aria-pressed={listLanguage === code} onClick={() => setListLanguage(code)} lang={code}>
              {t(code, { ns: 'languages' })}
            </button>
          ))}
        </div>
        <div class="staff-row" role="group" aria-label={t('staff.lists.format')}>
          <span class="staff-row__label">{t('staff.lists.format')}</span>
          {(['sheet', 'ticket'] as const).map((kind) => (
            <button type="button" key={kind} class="staff-chip" aria-pressed={format === kind} onClick={() => setFormat(kind)}>
              {t(`staff.lists.${kind}`)}
            </button>
          ))}
        </div>
        <div class="staff-actions">
          <button type="button" class="button button--primary" onClick={printNow} data-testid="staff-list-print">
            {t('staff.lists.print')}
          </button>
          <button type="button" class="button" onClick={() => setNaming(true)} data-testid="staff-list-name">
            {t('staff.lists.save')}
          </button>
        </div>
        {notice && (
          <p role="status" data-testid="staff-lists-notice">
            {notice}
          </p>
        )}
        {naming && (
          <div class="staff-naming">
            <label class="staff-row__label" for="staff-list-name">
              {t('staff.lists.name')}
            </label>
            <output id="staff-list-name" class="staff-naming__value" data-testid="staff-list-name-value">
              {name}
            </output>
            <OnScreenKeyboard
              language={language}
              value={name}
              onChange={(value) => setName(value.slice(0, 80))}
              labels={keyboardLabels}
            />
            <button type="button" class="button button--primary" disabled={name.trim() === ''} onClick={save} data-testid="staff-list-save">
              {t('staff.lists.save')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
